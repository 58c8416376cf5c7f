using ArchiveSite.Ingest;
using ArchiveSite.Model;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>The seed transcript (PDF-extracted) must read exactly as issue 2 states.</summary>
[Trait("Category", "Shared")]
public sealed class SeedTranscriptTests
{
    static readonly Lazy<Transcript> Seed = new(() =>
        TranscriptReader.ReadFile(RepoPaths.SharedFile("seeds/000_6031f5502a71255c.txt")));

    static Transcript Read() => Seed.Value;

    [Fact]
    public void Title_series_and_episode_come_from_the_header_line_and_the_page_footer()
    {
        var transcript = Read();
        Assert.Equal("Critical Insights", transcript.Title);
        Assert.Equal("Next Level Practitioner - First Sessions", transcript.Series);
        Assert.Equal("Week 110, Day 5", transcript.Episode);
    }

    [Fact]
    public void Guests_come_from_the_header_line_with_credentials_and_the_host_from_the_labels()
    {
        var speakers = Read().Speakers.ToDictionary(s => s.Id);
        Assert.Equal(3, speakers.Count);
        Assert.Equal("Ron Siegel", speakers["ron-siegel"].Name);
        Assert.Equal("PsyD", speakers["ron-siegel"].Credentials);
        Assert.Equal(["Dr. Siegel"], speakers["ron-siegel"].Labels);
        Assert.Equal("Kelly McGonigal", speakers["kelly-mcgonigal"].Name);
        Assert.Equal("PhD", speakers["kelly-mcgonigal"].Credentials);
        Assert.Equal(["Dr. McGonigal"], speakers["kelly-mcgonigal"].Labels);
        Assert.Equal("Dr. Buczynski", speakers["buczynski"].Name);
        Assert.Null(speakers["buczynski"].Credentials);
        Assert.Equal(["Dr. Buczynski"], speakers["buczynski"].Labels);
    }

    [Fact]
    public void The_five_section_headings_come_in_order()
    {
        Assert.Equal(
        [
            "Techniques to Foster Greater Connection in The First Session",
            "How to Foster Empathy When a Client’s Experiences Differ from Your Own",
            "How Empathy Can Help Clients Change Their Narrative",
            "Two Exercises to Open a Client’s Capacity for Empathy",
            "The Importance of Increasing Empathy at The Client’s Own Pace",
        ], Read().Sections.Where(s => s.Heading is not null).Select(s => s.Heading));
    }

    [Fact]
    public void Fourteen_turns_in_order()
    {
        const string b = "buczynski", m = "kelly-mcgonigal", s = "ron-siegel";
        Assert.Equal([b, m, b, s, b, m, b, s, b, m, b, s, m, b], Read().Turns.Select(t => t.SpeakerId));
    }

    [Fact]
    public void Thirteen_pull_quotes_are_lifted_out_and_attributed_by_content()
    {
        var quotes = Read().Quotes;
        Assert.Equal(13, quotes.Count);
        const string m = "kelly-mcgonigal", s = "ron-siegel";
        Assert.Equal([m, m, s, s, s, m, m, s, s, m, m, s, s], quotes.Select(q => q.SpeakerId));
        Assert.Equal([2, 2, 4, 4, 4, 6, 6, 8, 8, 10, 10, 12, 12], quotes.Select(q => q.Turn));

        var individuals = quotes.Single(q => q.Text.StartsWith("If we think of ourselves as individuals", StringComparison.Ordinal));
        Assert.Equal(s, individuals.SpeakerId);
        Assert.Equal("Techniques to Foster Greater Connection in The First Session", individuals.Section);
        Assert.Equal("If we think of ourselves as individuals, we’re all very much social creatures.", individuals.Text);
    }

    [Fact]
    public void Pull_quote_text_appears_in_no_paragraph_and_interrupted_sentences_are_rejoined()
    {
        var paragraphs = Read().Turns.SelectMany(t => t.Paragraphs).ToList();
        Assert.Contains(paragraphs, p => p.Contains("a bigger-than-self intention, sometimes connecting to a compassion image", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("Not enough. Not in the right way.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("we immediately become involved in self-recrimination", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("“Always start with", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("pet is their best self.”", StringComparison.Ordinal));
    }

    [Fact]
    public void Compound_hyphens_at_line_ends_are_kept()
    {
        var text = string.Join(' ', Read().Turns.SelectMany(t => t.Paragraphs));
        Assert.Contains("mother-in-law", text);
        Assert.Contains("in child-guidance work", text);
        Assert.Contains("transference/countertransference", text);
    }

    [Fact]
    public void The_page_footer_is_removed_and_accounted_for()
    {
        var transcript = Read();
        Assert.DoesNotContain(transcript.Turns.SelectMany(t => t.Paragraphs), p => p.Contains("pg. 9", StringComparison.Ordinal));
        var footer = Assert.Single(transcript.Removed, r => r.Kind == "footer");
        Assert.StartsWith("Next Level Practitioner - First Sessions", footer.Text);
        Assert.Equal(13, transcript.Removed.Where(r => r.Kind == "pull-quote").Select(r => r.Line).Count(line =>
            transcript.Quotes.Any(q => q.Line == line)));
        Assert.DoesNotContain(transcript.Diagnostics, d => d.Severity != Severity.Info);
    }
}
