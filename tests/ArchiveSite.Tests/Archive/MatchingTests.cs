using ArchiveSite.Archive;
using ArchiveSite.Model;

namespace ArchiveSite.Tests.Archive;

public sealed class MatchingTests
{
    [Theory]
    [InlineData("Dr. Siegel", "siegel")]
    [InlineData("RON SIEGEL", "ron siegel")]
    [InlineData("Ron Siegel, PsyD", "ron siegel")]
    [InlineData("ron-siegel", "ron siegel")]
    [InlineData("Prof. Kelly O’Neil", "kelly oneil")]
    public void Speaker_keys_ignore_case_punctuation_honorifics_and_credentials(string name, string key) =>
        Assert.Equal(key, SpeakerResolver.Key(name));

    [Fact]
    public void A_transcript_speaker_resolves_by_label_or_name_and_an_unknown_one_does_not()
    {
        var resolver = new SpeakerResolver([new PersonEntry("ron-siegel", "Ron Siegel", "PsyD", ["Dr. Siegel"], null)]);

        Assert.Equal("ron-siegel", resolver.Resolve(new Speaker("siegel", "Siegel", null, ["Dr. Siegel"]))?.Id);
        Assert.Equal("ron-siegel", resolver.Resolve(new Speaker("x", "RON SIEGEL", null, []))?.Id);
        Assert.Null(resolver.Resolve(new Speaker("dan-siegel", "Dan Siegel", null, ["Dan"])));
    }

    [Fact]
    public void Topic_terms_match_by_lunr_stem_and_phrases_only_as_consecutive_words_apart_from_stop_words()
    {
        var matcher = new TopicMatcher([
            new TopicEntry("sleep", "Sleep", null, ["sleep"]),
            new TopicEntry("present", "Present moment", null, ["present moment"]),
        ]);

        var hits = matcher.Match(WordStems.Of("Sleeping, sleeps and Sleep. The present moment; present for the moment; a present day, a moment."));

        Assert.Equal([("present", 2), ("sleep", 3)], hits.Select(h => (h.TopicId, h.Hits)));
    }

    [Fact]
    public void Episodes_order_naturally()
    {
        string[] episodes = ["Episode 10", "Episode 9", "episode 2", "Episode 1"];

        Assert.Equal(["Episode 1", "episode 2", "Episode 9", "Episode 10"], episodes.Order(NaturalComparer.Instance));
    }

    [Fact]
    public void Quote_ids_depend_only_on_the_transcript_and_the_text()
    {
        var id = ArchivedQuote.IdFor("week-1", "A quote.");

        Assert.Matches("^week-1-[0-9a-f]{8}$", id);
        Assert.Equal(id, ArchivedQuote.IdFor("week-1", "  A quote. "));
        Assert.NotEqual(id, ArchivedQuote.IdFor("week-1", "Another quote."));
    }
}
