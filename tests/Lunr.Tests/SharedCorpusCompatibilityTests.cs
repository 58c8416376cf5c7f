using Lunr.Tests.Support;

namespace Lunr.Tests;

/// <summary>The seed transcript and the real corpus, split into paragraphs, indexed both ways.</summary>
[Trait("Category", "Shared")]
public sealed class SharedCorpusCompatibilityTests
{
    // Jint runs lunr.js slowly; a few hundred paragraphs per file keep each test in seconds.
    const int ParagraphLimit = 300;

    [Fact]
    public void Seed_transcript_paragraphs_index_and_search_as_in_lunr_js()
    {
        var text = File.ReadAllText(RepoPaths.SharedFile("seeds/000_6031f5502a71255c.txt"));
        var corpus = FixtureCorpus.Paragraphs(text, ParagraphLimit);
        var queries = Compatibility.QuerySuite("text", "insula", "linehan", "willingness", "pacing", "siegel", "empathy")
            .Concat(["recrimin*", "empthy~1", "text:siegel pacing", "Dr. McGonigal", "tor-mentors", "“Well,", "–"])
            .ToList();

        Assert.True(corpus.Documents.Count > 50, $"only {corpus.Documents.Count} paragraphs in the seed");
        Compatibility.AssertSameIndexAndResults(corpus, queries);
    }

    [Theory]
    [InlineData("02-changelog-542-dr-dawn-foster.md", "community", "open", "foster", "maintainers")]
    [InlineData("04-btc-explained-consensus-cleanup.md", "consensus", "cleanup", "soft", "fork")]
    [InlineData("06-scotus-hhs-v-florida-2012-03-26.txt", "justice", "court", "tax", "injunction")]
    [InlineData("11-podcasting-qa-voice-tags.vtt", "podcast", "travis", "gilon", "namespace")]
    [InlineData("13-house-hearing-2010-07-22-monetary-policy.txt", "monetary", "chairman", "inflation", "policy")]
    [InlineData("18-fomc-conference-call-1991-02-01.md", "greenspan", "rates", "laughter", "committee")]
    public void Real_transcript_paragraphs_index_and_search_as_in_lunr_js(string file, params string[] words)
    {
        var text = File.ReadAllText(RepoPaths.SharedFile("corpus/real/" + file));
        var corpus = FixtureCorpus.Paragraphs(text, ParagraphLimit);

        Assert.True(corpus.Documents.Count > 5, $"only {corpus.Documents.Count} paragraphs in {file}");
        Compatibility.AssertSameIndexAndResults(corpus, Compatibility.QuerySuite("text", words));
    }
}
