using ArchiveSite.Model;

namespace ArchiveSite.Search;

/// <summary>Sizes chosen by measurement (bench search-size): see the team report for the figures.</summary>
public sealed record SearchOptions(int ShardBytes = 24_000, int DisplayChunk = 4);

/// <summary>All search files for an archive: the lunr index built in C#, cut into shards, and the display files.</summary>
public static class SearchOutput
{
    public static IReadOnlyList<SearchFile> Build(IEnumerable<Transcript> transcripts, SearchOptions? options = null) =>
        Build(SearchDocument.FromTranscripts(transcripts), options ?? new SearchOptions());

    public static IReadOnlyList<SearchFile> Build(IReadOnlyList<SearchDocument> documents, SearchOptions options)
    {
        var index = BuildIndex(documents);
        return [.. new ShardWriter(options.ShardBytes).Write(ShardSource.FromIndex(index), options.DisplayChunk),
                .. DisplayWriter.Write(documents, options.DisplayChunk)];
    }

    public static Lunr.Index BuildIndex(IReadOnlyList<SearchDocument> documents)
    {
        var builder = new Lunr.Builder();
        builder.Ref("id");
        foreach (var (name, boost) in SearchDocument.Fields) builder.Field(name, boost);
        foreach (var document in documents) builder.Add(document.FieldValues());
        return builder.Build();
    }
}
