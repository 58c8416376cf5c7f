using Lunr.Tests.Support;

namespace Lunr.Tests;

public sealed class BuilderCompatibilityTests
{
    [Fact]
    public void Fixture_corpus_serialises_byte_for_byte_as_lunr_js_does()
    {
        var corpus = FixtureCorpus.Turns();

        var expected = new LunrJs().BuildIndex("idx", corpus);

        JsonAssert.Identical(expected, corpus.BuildInCSharp().ToJson());
    }

    [Fact]
    public void Documentation_example_with_two_fields_serialises_as_lunr_js_does()
    {
        var corpus = new CorpusDefinition("id", [new("title", 1), new("body", 1)],
        [
            new(new() { ["id"] = "a", ["title"] = "green tea", ["body"] = "hot water" }),
            new(new() { ["id"] = "b", ["title"] = "black tea", ["body"] = "cold" }),
        ]);

        var json = corpus.BuildInCSharp().ToJson();

        JsonAssert.Identical(new LunrJs().BuildIndex("idx", corpus), json);
        Assert.Contains("[\"title/a\",[0,0.693,1,0.182]]", json);
    }

    [Fact]
    public void Refs_that_are_array_indices_are_listed_in_postings_as_javascript_orders_keys()
    {
        var corpus = new CorpusDefinition("id", [new("body", 1)],
        [
            new(new() { ["id"] = "x", ["body"] = "tea" }),
            new(new() { ["id"] = "10", ["body"] = "green tea" }),
            new(new() { ["id"] = "2", ["body"] = "tea" }),
            new(new() { ["id"] = "010", ["body"] = "tea green" }),
            new(new() { ["id"] = "0", ["body"] = "green" }),
        ]);

        var json = corpus.BuildInCSharp().ToJson();

        JsonAssert.Identical(new LunrJs().BuildIndex("idx", corpus), json);
        Assert.Contains("\"tea\",{\"_index\":0,\"body\":{\"2\":{},\"10\":{},\"x\":{},\"010\":{}}}", json);
    }
}
