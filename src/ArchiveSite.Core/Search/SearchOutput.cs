using ArchiveSite.Model;

namespace ArchiveSite.Search;

/// <summary>
/// Sizes chosen by measurement (bench search-size, 1,000 transcripts, 2026-11-26): with the two-level shard
/// lookup (manifest, then one small group file per term), 4 KB shards and two turns per display file keep
/// first queries of one to three terms at 127-139 KB with everything the page loads (12 KB shards gave
/// more). The cost is file count: about 4,500 shards and 19,000 display files (19 per 37-turn transcript)
/// per 1,000 synthetic transcripts. Terms held by at least <see cref="TopResultsMinimumOf"/> documents also get
/// the first page of a query of them alone in one file (<see cref="TopResultsWriter"/>), <c>TopResultsCount</c>
/// being search.js's page size. The share keeps those files few: with a natural vocabulary (bench search-step,
/// 60,000 terms among 37,000 turns) 50 documents would take 10,850 files and 77 MB, 1% of them about 1,300
/// files and 9 MB.
/// </summary>
public sealed record SearchOptions(int ShardBytes = 4_000, int DisplayChunk = 2, int TopResultsMinimum = 50, double TopResultsShare = 0.01, int TopResultsCount = 10)
{
    public int TopResultsMinimumOf(int documentCount) => Math.Max(TopResultsMinimum, (int)Math.Ceiling(documentCount * TopResultsShare));
}

/// <summary>All search files for an archive: the lunr index built in C#, cut into shards, and the display files.</summary>
public static class SearchOutput
{
    public static IReadOnlyList<SearchFile> Build(IEnumerable<Transcript> transcripts, SearchOptions? options = null) =>
        Build(SearchDocument.FromTranscripts(transcripts), options ?? new SearchOptions());

    public static IReadOnlyList<SearchFile> Build(IReadOnlyList<SearchDocument> documents, SearchOptions options) =>
        [.. Shards(documents, options), .. DisplayWriter.Write(documents, options.DisplayChunk, topResultsMinimum: options.TopResultsMinimumOf(documents.Count))];

    /// <summary>The manifest, group files and shards, and the top results files but those <paramref name="keepTop"/> keeps (see <see cref="TopResultsWriter.Write"/>).</summary>
    public static IReadOnlyList<SearchFile> Shards(IReadOnlyList<SearchDocument> documents, SearchOptions options, SearchAnalysisCache? cache = null,
        Func<string, string, bool>? keepTop = null)
    {
        var source = Source(documents, cache);
        return [.. new ShardWriter(options.ShardBytes).Write(source),
                .. TopResultsWriter.Write(source, documents, options.TopResultsCount, options.TopResultsMinimumOf(documents.Count), options.DisplayChunk, keepTop)];
    }

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
        var batches = new Lunr.AnalyzedBatch[transcripts.Length];
        Parallel.For(0, transcripts.Length, t =>
        {
            var (start, count) = transcripts[t];
            var turns = new SearchDocument[count];
            for (var d = 0; d < count; d++)
                turns[d] = documents[start + d];
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
        return ShardSource.FromIndex(Lunr.BatchIndexBuilder.BuildPacked(settings, vocabulary, batches));
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
