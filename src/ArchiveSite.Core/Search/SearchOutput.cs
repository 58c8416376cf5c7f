using ArchiveSite.Model;

namespace ArchiveSite.Search;

/// <summary>
/// Sizes chosen by measurement (bench search-size, 1,000 transcripts, 2026-11-26): with the two-level shard
/// lookup (manifest, then one small group file per term), 4 KB shards and two turns per display file keep
/// first queries of one to three terms at 127-139 KB with everything the page loads (12 KB shards gave
/// more). The cost is file count: about 4,500 shards and 19,000 display files (19 per 37-turn transcript)
/// per 1,000 synthetic transcripts.
/// </summary>
public sealed record SearchOptions(int ShardBytes = 4_000, int DisplayChunk = 2);

/// <summary>All search files for an archive: the lunr index built in C#, cut into shards, and the display files.</summary>
public static class SearchOutput
{
    public static IReadOnlyList<SearchFile> Build(IEnumerable<Transcript> transcripts, SearchOptions? options = null) =>
        Build(SearchDocument.FromTranscripts(transcripts), options ?? new SearchOptions());

    public static IReadOnlyList<SearchFile> Build(IReadOnlyList<SearchDocument> documents, SearchOptions options) =>
        [.. Shards(documents, options), .. DisplayWriter.Write(documents, options.DisplayChunk)];

    /// <summary>The manifest, group files and shards. The lunr index is garbage once its terms are regrouped.</summary>
    public static IReadOnlyList<SearchFile> Shards(IReadOnlyList<SearchDocument> documents, SearchOptions options) =>
        new ShardWriter(options.ShardBytes).Write(ShardSource.FromIndex(BuildIndex(documents)));

    public static Lunr.Index BuildIndex(IReadOnlyList<SearchDocument> documents)
    {
        var builder = new Lunr.Builder();
        builder.Ref("id");
        foreach (var (name, boost) in SearchDocument.Fields) builder.Field(name, boost);
        foreach (var document in documents) builder.Add(document.FieldValues());
        return builder.Build();
    }
}
