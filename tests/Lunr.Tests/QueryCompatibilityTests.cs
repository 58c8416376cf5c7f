using Lunr.Tests.Support;

namespace Lunr.Tests;

/// <summary>The C#-built JSON loaded into lunr.js answers a query suite exactly as lunr.js's own index does.</summary>
public sealed class QueryCompatibilityTests
{
    [Fact]
    public void Fixture_corpus_answers_the_query_suite_as_lunr_js_does()
    {
        var queries = Compatibility.QuerySuite("text", "pacing", "willingness", "insula", "recrimination", "pets", "empathy", "1991")
            .Concat(["speaker:siegel pacing", "title:pacing^10 pets", "speaker:siegel -text:pets", "+speaker:ron +text:insula",
                "empthy~1", "recrimin*", "ΟΔΟΣ", "οδος", "caf", "café", "müller", "привет", "ёлка", "日本語のテキスト", "i̇stanbul", "istanbul",
                "😀", "smile", "thumbs", "__proto__", "constructor", "tostring", "quote\"mark", "42", "0.25", "7", "010", "speaker:", ":pacing",
                "the", "+the pacing", "\\*", "pac\\~1", "\"\""])
            .ToList();

        Compatibility.AssertSameIndexAndResults(FixtureCorpus.Turns(), queries);
    }

    [Fact]
    public void Documents_repeating_a_ref_and_boosted_documents_match_lunr_js()
    {
        var corpus = new CorpusDefinition("id", [new("title", 3), new("body", 0)],
        [
            new(new() { ["id"] = "a", ["title"] = "green tea", ["body"] = "hot water and green leaves" }, Boost: 2),
            new(new() { ["id"] = "b", ["title"] = "black tea", ["body"] = "cold" }, Boost: 0),
            new(new() { ["id"] = "a", ["title"] = "white tea", ["body"] = "warm water" }, Boost: 0.5),
            new(new() { ["id"] = "c", ["title"] = "", ["body"] = "green green green" }),
            new(new() { ["id"] = "d" }),
        ]);

        Compatibility.AssertSameIndexAndResults(corpus, Compatibility.QuerySuite("body", "green", "tea", "water", "white"));
    }
}
