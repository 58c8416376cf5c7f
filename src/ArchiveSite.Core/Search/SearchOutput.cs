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

    /// <summary>The manifest, group files and shards.</summary>
    public static IReadOnlyList<SearchFile> Shards(IReadOnlyList<SearchDocument> documents, SearchOptions options, SearchAnalysisCache? cache = null) =>
        new ShardWriter(options.ShardBytes).Write(Source(documents, cache));

    /// <summary>What the shards are cut from: the index built term by term, the shape shards cut it in.</summary>
    public static ShardSource Source(IReadOnlyList<SearchDocument> documents, SearchAnalysisCache? cache = null) =>
        ShardSource.FromIndex(Builder(documents, cache).BuildByTerm());

    /// <summary>The lunr index of the documents, as lunr.js would build it.</summary>
    public static Lunr.Index BuildIndex(IReadOnlyList<SearchDocument> documents, SearchAnalysisCache? cache = null) =>
        Builder(documents, cache).Build();

    /// <summary>
    /// A builder holding the documents, analysed a transcript at a time (in parallel), each transcript's analysis
    /// taken from <paramref name="cache"/> when it holds it and put there otherwise.
    /// </summary>
    static Lunr.Builder Builder(IReadOnlyList<SearchDocument> documents, SearchAnalysisCache? cache)
    {
        var builder = new Lunr.Builder();
        builder.Ref("id");
        foreach (var (name, boost) in SearchDocument.Fields) builder.Field(name, boost);
        var transcripts = SearchDocument.ByTranscript(documents)
            .Select(range => Enumerable.Range(range.Start, range.Count).Select(d => documents[d]).ToArray()).ToList();
        var batches = new Lunr.AnalyzedDocuments[transcripts.Count];
        Parallel.For(0, transcripts.Count, t =>
        {
            var values = transcripts[t].Select(d => d.FieldValues()).ToArray();
            var key = cache is null ? null : SearchAnalysisCache.Key(values);
            if (key is not null && cache!.Get(key) is { } kept && kept.Count == values.Length && kept.FieldCount == SearchDocument.Fields.Count)
            {
                batches[t] = kept;
                return;
            }
            batches[t] = builder.Analyze(values);
            if (key is not null) cache!.Put(key, batches[t]);
        });
        for (var t = 0; t < transcripts.Count; t++)
            builder.Add([.. transcripts[t].Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], batches[t]);
        return builder;
    }
}
