using ArchiveSite.Ingest.Quotes;
using ArchiveSite.Model;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>The content matcher behind quote attribution (shared with the other readers and quote cards).</summary>
public sealed class QuoteMatcherTests
{
    static readonly IReadOnlyList<Section> Sections =
    [
        new(null, 1,
        [
            new Turn("host", null, ["Let us talk about willingness today. How about you?"], 1),
            new Turn("kelly", null, ["The first is that you always start with willingness; you would never try to push someone."], 2),
        ]),
        new("Pacing", 3,
        [
            new Turn("ron", null, ["Clearly willingness matters, and I always say it, and people start late, with or without it; " +
                "we are all very much social creatures and it behooves us to keep this in mind."], 3),
        ]),
    ];

    [Fact]
    public void The_turn_holding_the_words_in_order_wins_over_one_holding_them_scattered()
    {
        var match = new QuoteMatcher(Sections).FindTurn("Always start with willingness.");
        Assert.NotNull(match);
        Assert.Equal(("kelly", 2, (string?)null), (match.Turn.SpeakerId, match.TurnNumber, match.SectionHeading));
    }

    [Fact]
    public void Edited_quotes_match_despite_ellipses_cuts_curly_apostrophes_and_case()
    {
        var match = new QuoteMatcher(Sections).FindTurn("“. . . We’re All very much social creatures . . . keep this in mind.”");
        Assert.NotNull(match);
        Assert.Equal(("ron", 3, "Pacing"), (match.Turn.SpeakerId, match.TurnNumber, match.SectionHeading));
        Assert.InRange(match.Score, QuoteMatcher.MinimumScore, 1.0);
    }

    [Fact]
    public void A_quote_no_turn_contains_matches_nothing_and_is_reported()
    {
        Assert.Null(new QuoteMatcher(Sections).FindTurn("Nothing like this was ever said."));
        Assert.Null(new QuoteMatcher(Sections).FindTurn(". . ."));

        var diagnostics = new List<Diagnostic>();
        var quotes = QuoteAttributor.Attribute(Sections, [new QuoteCandidate("Nothing like this was ever said.", 7)], "talk.txt", diagnostics);
        Assert.Equal(new Quote("Nothing like this was ever said.", null, null, null, 7), Assert.Single(quotes));
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("talk.txt", 7, Severity.Warning), (warning.File, warning.Line, warning.Severity));
    }

    [Fact]
    public void Tokens_ignore_apostrophes_quotes_and_punctuation()
    {
        Assert.Equal(["were", "all", "social", "2010"], QuoteTokens.Of("“We’re ALL—social . . . (2010)”"));
    }
}
