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

    /// <summary>
    /// What the shards are cut from: the index built term by term, the shape shards cut it in, from each
    /// transcript's analysis, taken from <paramref name="cache"/> when it holds it and made (in parallel) and put
    /// there otherwise.
    /// </summary>
    public static ShardSource Source(IReadOnlyList<SearchDocument> documents, SearchAnalysisCache? cache = null)
    {
        var settings = Settings();
        var vocabulary = cache?.Vocabulary ?? new Lunr.SharedVocabulary();
        var transcripts = SearchDocument.ByTranscript(documents);
        var batches = new Lunr.AnalyzedBatch[transcripts.Count];
        Parallel.For(0, transcripts.Count, t =>
        {
            var (start, count) = transcripts[t];
            var turns = Enumerable.Range(start, count).Select(d => documents[d]).ToArray();
            var key = cache is null ? null : SearchAnalysisCache.Key(turns);
            if (key is not null && cache!.Get(key) is { } kept && kept.DocumentCount == count && kept.FieldCount == SearchDocument.Fields.Count)
            {
                batches[t] = kept;
                return;
            }
            batches[t] = vocabulary.Number(settings.Analyze(turns.Select(d => d.FieldValues())));
            if (key is not null)
                cache!.Put(key, batches[t]);
        });
        return ShardSource.FromIndex(Lunr.BatchIndexBuilder.BuildByTerm(settings, vocabulary, batches));
    }

    /// <summary>The lunr index of the documents, as lunr.js would build it.</summary>
    public static Lunr.Index BuildIndex(IReadOnlyList<SearchDocument> documents)
    {
        var builder = Settings();
        foreach (var document in documents)
            builder.Add(document.FieldValues());
        return builder.Build();
    }

    /// <summary>A builder with search's ref and fields: the settings both ways of building use.</summary>
    static Lunr.Builder Settings()
    {
        var builder = new Lunr.Builder();
        builder.Ref("id");
        foreach (var (name, boost) in SearchDocument.Fields) builder.Field(name, boost);
        return builder;
    }
}
