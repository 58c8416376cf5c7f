using System.Text;
using ArchiveSite.Ingest.RawText;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>The passes that work on classified lines: pull quotes, headings, reflow, hyphenation, the header line.</summary>
public sealed class BlockPassTests
{
    static (List<ClassifiedLine> Lines, DocumentConventions Conventions) Classify(string text)
    {
        var lines = LineSplitter.Split(text);
        var conventions = ConventionLearner.Learn(lines);
        return (LineClassifier.Classify(lines, conventions), conventions);
    }

    const string Wide = "Dr. Smith:  one of the things that we did each time was to have them focus on a bigger-than-self intention, sometimes\n";

    [Fact]
    public void A_block_of_short_quoted_lines_is_lifted_as_one_quote()
    {
        var (lines, conventions) = Classify(Wide + "“People often feel like\nwho they are with their\npet is their best self.”\n connecting to a compassion image that they could channel, and that was the practice we had in the group.\n");
        var quotes = new List<PulledQuote>();
        var lifted = PullQuoteLifter.Lift(lines, conventions, quotes);
        var quote = Assert.Single(quotes);
        Assert.Equal(("People often feel like who they are with their pet is their best self.", 2), (quote.Text, quote.Line));
        Assert.Equal([LineKind.Label, LineKind.PullQuote, LineKind.PullQuote, LineKind.PullQuote, LineKind.Body], lifted.Select(l => l.Kind));
    }

    [Fact]
    public void Quoted_lines_without_a_closing_line_or_longer_than_half_a_line_stay_text()
    {
        var (lines, conventions) = Classify(Wide + "“Is it rooted in a desire to understand, so that you can make that a coherent story for yourself about\nthis relationship?”\n“Never closed\nand more text follows here\n");
        var quotes = new List<PulledQuote>();
        PullQuoteLifter.Lift(lines, conventions, quotes);
        Assert.Empty(quotes);
    }

    [Fact]
    public void A_heading_needs_a_finished_paragraph_before_it_and_a_label_after_it()
    {
        var (lines, conventions) = Classify("Dr. Smith: Done.\n\nThe Next Topic\n\nDr. Jones: Yes.\nDr. Smith: And then\nAnother Title\nDr. Jones: No.\nDr. Smith: Fine.\n\nNot A Heading\n\nbecause text follows.\n");
        var marked = HeadingFinder.Mark(lines, conventions);
        Assert.Equal(["The Next Topic"], marked.Where(l => l.Kind == LineKind.Heading).Select(l => l.Text));
    }

    [Theory]
    [InlineData("Techniques to Foster Greater Connection in The First Session", true)]
    [InlineData("STATEMENT OF RICHARD C. KOO, CHIEF ECONOMIST", true)]
    [InlineData("P R O C E E D I N G S", true)]
    [InlineData("I never heard of a therapist doing that before.", false)]
    [InlineData("we immediately become involved", false)]
    [InlineData("(10:12 a.m.)", false)]
    [InlineData("“Always start with", false)]
    public void Heading_shapes(string text, bool heading)
    {
        Assert.Equal(heading, HeadingFinder.HasHeadingShape(text));
    }

    [Theory]
    [InlineData("mother-in-", "law", null, true)]
    [InlineData("child-", "guidance", "child-guidance", true)]
    [InlineData("infor-", "mation", "information", false)]
    [InlineData("commit-", "ment", null, false)]
    [InlineData("self-", "doubt", null, true)]
    [InlineData("anti-", "Injunction", null, true)]
    public void Line_end_hyphens_keep_compounds_and_mend_broken_words(string left, string right, string? known, bool keep)
    {
        IReadOnlySet<string> vocabulary = known is null ? new HashSet<string>() : new HashSet<string> { known };
        Assert.Equal(keep, Hyphenation.KeepHyphen(left, right, vocabulary));
    }

    [Theory]
    [InlineData("a transference/", "countertransference dynamic", "a transference/countertransference dynamic")]
    [InlineData("as --", "as the government", "as -- as the government")]
    [InlineData("bad mother-in-", "law, and", "bad mother-in-law, and")]
    [InlineData("the move-", "ment here", "the movement here")]
    [InlineData("plain", "words", "plain words")]
    public void Joining_wrapped_lines(string first, string next, string joined)
    {
        var text = new StringBuilder(first);
        TextJoiner.Append(text, next, new HashSet<string>());
        Assert.Equal(joined, text.ToString());
    }

    [Fact]
    public void A_header_line_names_the_episode_and_the_guests_with_credentials()
    {
        Assert.True(PeopleLine.TryParse("Week 110, Day 5: Ron Siegel, PsyD and Kelly McGonigal, PhD", out var episode, out var people));
        Assert.Equal("Week 110, Day 5", episode);
        Assert.Equal([new NamedPerson("Ron Siegel", "PsyD"), new NamedPerson("Kelly McGonigal", "PhD")], people);

        Assert.True(PeopleLine.TryParse("Jane Roe, MD, MPH and John Doe", out _, out var two));
        Assert.Equal([new NamedPerson("Jane Roe", "MD, MPH"), new NamedPerson("John Doe", null)], two);

        Assert.False(PeopleLine.TryParse("Critical Insights", out _, out _));
        Assert.False(PeopleLine.TryParse("The first instinct of response is, Not enough", out _, out _));
    }
}
