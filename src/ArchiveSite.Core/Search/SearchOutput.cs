using ArchiveSite.Model;

namespace ArchiveSite.Search;

/// <summary>
/// Sizes chosen by measurement (bench search-size, 1,000 transcripts): 12 KB shards and two turns per display
/// file keep a one-word first query under 150 KB with everything the page loads (24 KB / 4 gave 151-165 KB);
/// the cost is file count, about 20,000 search files per 1,000 transcripts.
/// </summary>
public sealed record SearchOptions(int ShardBytes = 12_000, int DisplayChunk = 2);

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
