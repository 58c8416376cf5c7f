using Lunr.Tests.Support;

namespace Lunr.Tests;

public sealed class IndexByTermTests
{
    [Fact]
    public void Holds_the_field_vector_weights_of_the_built_index_grouped_by_term()
    {
        var corpus = FixtureCorpus.Turns();

        AssertSameWeights(corpus.BuildInCSharp(), Builder(corpus).BuildByTerm());
    }

    [Fact]
    public void A_ref_added_twice_counts_with_its_last_add_as_its_vectors_do()
    {
        var corpus = new CorpusDefinition("id", [new("title", 2), new("body", 1)],
        [
            new(new() { ["id"] = "a", ["title"] = "green tea", ["body"] = "hot water" }),
            new(new() { ["id"] = "b", ["title"] = "black tea", ["body"] = "cold water" }),
            new(new() { ["id"] = "a", ["title"] = "white tea", ["body"] = "warm" }, Boost: 2),
        ]);

        var byTerm = Builder(corpus).BuildByTerm();

        AssertSameWeights(corpus.BuildInCSharp(), byTerm);
        Assert.Equal(["a", "b"], byTerm.Refs);
        Assert.Equal([1], byTerm.Terms.Single(t => t.Term == "water").ByField[1].RefIds);
    }

    static Builder Builder(CorpusDefinition corpus)
    {
        var builder = new Builder();
        builder.Ref(corpus.Ref);
        foreach (var field in corpus.Fields)
            builder.Field(field.Name, field.Boost);
        foreach (var document in corpus.Documents)
            builder.Add(document.Values, document.Boost);
        return builder;
    }

    /// <summary>Every term in the same order with the same index, and per field exactly the (ref, weight) pairs of the vectors holding it.</summary>
    static void AssertSameWeights(Index index, IndexByTerm byTerm)
    {
        Assert.Equal(index.Fields, byTerm.Fields);
        Assert.Equal(index.InvertedIndex.Select(e => (e.Term, e.Posting.Index)), byTerm.Terms.Select(t => (t.Term, t.Index)));
        var refs = byTerm.Refs.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var expected = new Dictionary<(int Term, int Field), List<(int Ref, double Weight)>>();
        foreach (var vector in index.FieldVectors)
            foreach (var element in vector.Vector.Elements)
            {
                var key = (element.TermIndex, index.Fields.ToList().IndexOf(vector.FieldRef.FieldName));
                if (!expected.TryGetValue(key, out var list))
                    expected[key] = list = [];
                list.Add((refs[vector.FieldRef.DocRef], element.Weight));
            }
        var pairs = 0;
        foreach (var term in byTerm.Terms)
            for (var f = 0; f < byTerm.Fields.Count; f++)
            {
                var actual = term.ByField[f].RefIds.Zip(term.ByField[f].Weights).ToList();
                Assert.Equal(expected.GetValueOrDefault((term.Index, f), []), actual);
                pairs += actual.Count;
            }
        Assert.Equal(index.FieldVectors.Sum(v => v.Vector.Elements.Count), pairs);
    }
}
