using Lunr.Tests.Support;

namespace Lunr.Tests;

public sealed class BatchIndexBuilderTests
{
    /// <summary>The fixture documents, refs renumbered 0..N-1 as <see cref="BatchIndexBuilder"/> numbers them.</summary>
    static readonly IReadOnlyDictionary<string, string>[] Documents =
        [.. FixtureCorpus.Turns().Documents.Select((d, i) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(d.Values) { ["id"] = $"{i}" })];

    static Builder NewBuilder()
    {
        var builder = new Builder();
        foreach (var field in FixtureCorpus.TurnFields)
            builder.Field(field.Name, field.Boost);
        return builder;
    }

    static IndexByTerm Expected(IEnumerable<IReadOnlyDictionary<string, string>> documents)
    {
        var builder = NewBuilder();
        foreach (var document in documents)
            builder.Add(document);
        return builder.BuildByTerm();
    }

    static AnalyzedBatch[] Analyze(SharedVocabulary vocabulary, IEnumerable<IReadOnlyDictionary<string, string>[]> batches)
    {
        var builder = NewBuilder();
        return [.. batches.Select(batch => vocabulary.Number(builder.Analyze(batch)))];
    }

    [Fact]
    public void Builds_from_batches_what_the_builder_builds_from_the_documents()
    {
        var vocabulary = new SharedVocabulary();
        var batches = Analyze(vocabulary, Documents.Chunk(3));

        AssertSame(Expected(Documents), BatchIndexBuilder.BuildByTerm(NewBuilder(), vocabulary, batches));
    }

    [Fact]
    public void Batches_kept_in_a_compacted_vocabulary_mix_with_batches_that_bring_new_terms()
    {
        var earlier = new SharedVocabulary();
        var kept = Analyze(earlier, Documents[..6].Chunk(2));
        var (vocabulary, renumbered) = earlier.Compact(kept[1..]);
        var added = Analyze(vocabulary, [Documents[6..], [.. Documents[..2]]]);

        IReadOnlyDictionary<string, string>[] order = [.. Documents[6..], .. Documents[2..6], .. Documents[..2]];
        var expected = Expected(order.Select((d, i) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(d) { ["id"] = $"{i}" }));
        var built = BatchIndexBuilder.BuildByTerm(NewBuilder(), vocabulary, [added[0], .. renumbered, added[1]]);

        Assert.True(vocabulary.SortedCount > 0);
        Assert.True(vocabulary.Count > vocabulary.SortedCount);
        AssertSame(expected, built);
    }

    [Fact]
    public void Compacting_keeps_only_the_terms_in_use_in_ordinal_order()
    {
        var vocabulary = new SharedVocabulary(["b", "d"]);
        var ids = new[] { "zeta", "d", "alpha", "b", "Zed" }.Select(vocabulary.IdOf).ToArray();
        var batch = new AnalyzedBatch(1, 1, [3], [ids[0], ids[2], ids[4]], [1, 2, 3]);

        var (compacted, batches) = vocabulary.Compact([batch]);

        Assert.Equal([2, 1, 3, 0, 4], ids);
        Assert.Equal(["Zed", "alpha", "zeta"], Enumerable.Range(0, compacted.Count).Select(id => compacted[id]));
        Assert.Equal(3, compacted.SortedCount);
        Assert.Equal(["zeta", "alpha", "Zed"], batches[0].TermIds.ToArray().Select(id => compacted[id]));
        Assert.Equal([1, 2, 3], batches[0].Frequencies.ToArray());
    }

    [Fact]
    public void Refuses_what_is_not_a_vocabulary_or_a_batch()
    {
        Assert.Throws<ArgumentException>(() => new SharedVocabulary(["b", "a"]));
        Assert.Throws<ArgumentException>(() => new SharedVocabulary(["a", "a"]));
        Assert.Throws<ArgumentException>(() => new AnalyzedBatch(1, 2, [1], [0], [1]));
        Assert.Throws<ArgumentException>(() => new AnalyzedBatch(1, 2, [1, 0], [0], [1]));
        Assert.Throws<ArgumentException>(() => new AnalyzedBatch(1, 1, [1], [0, 1], [1, 1]));
        Assert.Throws<ArgumentException>(() => new AnalyzedBatch(1, 1, [1], [0], [0]));
        Assert.Throws<ArgumentException>(() => BatchIndexBuilder.BuildByTerm(NewBuilder(), new SharedVocabulary(["a"]), [new AnalyzedBatch(1, 5, [0, 0, 0, 0, 1], [1], [1])]));
    }

    static void AssertSame(IndexByTerm expected, IndexByTerm actual)
    {
        Assert.Equal(expected.Fields, actual.Fields);
        Assert.Equal(expected.Refs, actual.Refs);
        Assert.Equal(expected.Terms.Select(t => (t.Term, t.Index)), actual.Terms.Select(t => (t.Term, t.Index)));
        for (var t = 0; t < expected.Terms.Count; t++)
            for (var f = 0; f < expected.Fields.Count; f++)
            {
                Assert.Equal(expected.Terms[t].ByField[f].RefIds, actual.Terms[t].ByField[f].RefIds);
                Assert.Equal(expected.Terms[t].ByField[f].Weights, actual.Terms[t].ByField[f].Weights);
            }
    }
}
