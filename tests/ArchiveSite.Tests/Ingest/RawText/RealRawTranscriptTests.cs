using System.Text.RegularExpressions;
using ArchiveSite.Ingest;
using ArchiveSite.Model;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>The raw-text files of the real corpus: their speakers, and no page furniture left in what was said.</summary>
[Trait("Category", "Shared")]
public sealed partial class RealRawTranscriptTests
{
    static Transcript Read(string name) => TranscriptReader.ReadFile(RepoPaths.SharedFile("corpus/real/" + name));

    static readonly Lazy<Transcript> Scotus = new(() => Read("06-scotus-hhs-v-florida-2012-03-26.txt"));
    static readonly Lazy<Transcript> Hearing = new(() => Read("13-house-hearing-2010-07-22-monetary-policy.txt"));
    static readonly Lazy<Transcript> Fomc = new(() => Read("18-fomc-conference-call-1991-02-01.md"));

    [Fact]
    public void Supreme_court_argument_has_its_eleven_speakers()
    {
        Assert.Equal(
            ["alito", "breyer", "ginsburg", "kagan", "katsas", "kennedy", "long", "roberts", "scalia", "sotomayor", "verrilli"],
            Scotus.Value.Speakers.Select(s => s.Id).Order());
        Assert.Equal("Chief Justice Roberts", Scotus.Value.Speakers.Single(s => s.Id == "roberts").Name);
    }

    [Fact]
    public void Supreme_court_argument_keeps_no_line_numbers_footers_headers_or_index()
    {
        var transcript = Scotus.Value;
        AssertNoParagraphMatches(transcript, "Alderson Reporting Company", "Official - Subject to Final Review", "\u00AD");
        AssertNoParagraph(transcript, LineNumberOrIndex());
        Assert.Equal("We will hear argument this morning in Case Number 11-398, Department of Health and Human Services v. Florida.",
            transcript.Turns.First().Paragraphs[0]);
        Assert.StartsWith("(Whereupon", transcript.Turns.Last().Paragraphs[^1]);
        Assert.Contains(transcript.Turns, t => t.Paragraphs.Any(p => p.Contains(
            "Congress directed that the section 5000A penalty shall be assessed and collected in the same manner as taxes.", StringComparison.Ordinal)));
        Assert.Contains(transcript.Turns, t => t.Paragraphs.Any(p => p.StartsWith("Well, that depends, as -- as the government points out", StringComparison.Ordinal)));
        Assert.Equal(new DateOnly(2012, 3, 26), transcript.Date);
    }

    [Fact]
    public void Supreme_court_argument_has_a_section_per_argument_and_its_cover_pages_are_front_matter()
    {
        var transcript = Scotus.Value;
        Assert.Equal(
        [
            "ORAL ARGUMENT OF ROBERT A. LONG FOR COURT-APPOINTED AMICUS CURIAE",
            "ORAL ARGUMENT OF DONALD B. VERRILLI, JR., ON BEHALF OF THE PETITIONERS",
            "ORAL ARGUMENT OF GREGORY G. KATSAS ON BEHALF OF THE RESPONDENTS",
            "REBUTTAL ARGUMENT OF ROBERT A. LONG FOR COURT-APPOINTED AMICUS CURIAE",
        ], transcript.Sections.Where(s => s.Heading is not null).Select(s => s.Heading));
        Assert.Contains(transcript.Removed, r => r.Kind == "front-matter" && r.Text == "APPEARANCES:");
        Assert.Contains(transcript.Removed, r => r.Kind == "back-matter");
        Assert.DoesNotContain(transcript.Diagnostics, d => d.Severity != Severity.Info);
    }

    [Fact]
    public void House_hearing_has_its_speakers()
    {
        var ids = Hearing.Value.Speakers.Select(s => s.Id).ToHashSet();
        Assert.Equal(16, ids.Count);
        Assert.Superset(new HashSet<string> { "chairman", "koo", "meltzer", "mishel", "bachus", "watt", "mccarthy-of-new-york",
            "paul", "hensarling", "hinojosa", "miller-of-north-carolina", "scott", "cleaver", "ellison", "foster", "green" }, ids);
    }

    [Fact]
    public void House_hearing_keeps_no_html_roster_or_placeholders()
    {
        var transcript = Hearing.Value;
        AssertNoParagraphMatches(transcript, "<pre>", "</pre>", "&amp;", "[GRAPHIC]", "TIFF OMITTED", "PAUL E. KANJORSKI", "C O N T E N T S",
            "A P P E N D I X", "=====", "Printed for the use of the Committee");
        Assert.Equal("The committee will come to order.", transcript.Turns.First().Paragraphs[0]);
        Assert.Equal("chairman", transcript.Turns.First().SpeakerId);
        Assert.Equal("MONETARY POLICY AND THE STATE OF THE ECONOMY, PART II", transcript.Title);
        Assert.Equal(3, transcript.Sections.Count(s => s.Heading?.StartsWith("STATEMENT OF", StringComparison.Ordinal) == true));
        Assert.Equal(25, transcript.Removed.Count(r => r.Kind == "placeholder"));
    }

    [Fact]
    public void Fomc_call_has_its_eight_speakers()
    {
        Assert.Equal(["corrigan", "coyne", "greenspan", "kohn", "melzer", "prell", "seger", "syron"],
            Fomc.Value.Speakers.Select(s => s.Id).Order());
    }

    [Fact]
    public void Fomc_call_keeps_no_shell_page_marks_running_headers_or_roster()
    {
        var transcript = Fomc.Value;
        AssertNoParagraphMatches(transcript, "--- Page", "2/1/91", "Extracted on", "Document Content", "19910201_transcript.pdf",
            "PRESENT:", "Alternate Members");
        AssertNoParagraph(transcript, PageNumberParagraph());
        Assert.Contains(transcript.Turns, t => t.Paragraphs.Any(p => p.Contains("consistent with history--or at least consistent with the way", StringComparison.Ordinal)));
        Assert.Contains(transcript.Turns, t => t.SpeakerId == "corrigan" && t.Paragraphs.Contains("[Laughter]"));
        Assert.Equal(new DateOnly(1991, 2, 1), transcript.Date);
        Assert.Equal(29, transcript.Turns.Count());
    }

    static void AssertNoParagraphMatches(Transcript transcript, params string[] noise)
    {
        foreach (var text in noise)
        {
            var found = transcript.Turns.SelectMany(t => t.Paragraphs).FirstOrDefault(p => p.Contains(text, StringComparison.Ordinal));
            Assert.True(found is null, $"'{text}' is left in a paragraph: {found}");
        }
    }

    static void AssertNoParagraph(Transcript transcript, Regex noise)
    {
        var found = transcript.Turns.SelectMany(t => t.Paragraphs).FirstOrDefault(noise.IsMatch);
        Assert.True(found is null, $"noise ({noise}) is left in a paragraph: {found}");
    }

    /// <summary>A margin number opening a paragraph, a bare number, or word-index references ("39:12 63:25").</summary>
    [GeneratedRegex(@"^\d{1,2}\s|^\d+$|\b\d{1,3}:\d{1,2}\s+\d{1,3}:\d{1,2}\b")]
    private static partial Regex LineNumberOrIndex();

    [GeneratedRegex(@"^-?\d+-?$|\s-\d+-\s")]
    private static partial Regex PageNumberParagraph();
}
