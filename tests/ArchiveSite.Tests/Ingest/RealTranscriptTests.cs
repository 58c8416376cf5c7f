using System.Text.RegularExpressions;
using ArchiveSite.Ingest;
using ArchiveSite.Model;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Ingest;

/// <summary>The Markdown and caption files of the shared real corpus: their speakers, and no noise in the text.</summary>
[Trait("Category", "Shared")]
public sealed partial class RealTranscriptTests
{
    static Transcript Read(string name) => TranscriptReader.ReadFile(RepoPaths.SharedFile("corpus/real/" + name));

    [Fact]
    public void Changelog_has_five_speakers_and_every_labelled_turn()
    {
        var transcript = Read("02-changelog-542-dr-dawn-foster.md");

        Assert.Equal(
            ["adam-stacoviak: Adam Stacoviak", "stormy-peters: Stormy Peters", "jerod-santo: Jerod Santo",
             "dawn-foster: Dr. Dawn Foster", "angie-byron: Angie Byron"],
            transcript.Speakers.Select(s => $"{s.Id}: {s.Name}"));
        Assert.Equal(["Dr. Dawn Foster"], transcript.Speakers.Single(s => s.Id == "dawn-foster").Labels);
        // 168 + 73 + 132 + 41 + 89 labels in the file, each opening a turn with text.
        Assert.Equal(503, transcript.Turns.Count());
        Assert.Equal(41, transcript.Turns.Count(t => t.SpeakerId == "dawn-foster"));
        Assert.Equal([367, 559], transcript.Removed.Where(r => r.Kind == "break").Select(r => r.Line));
        Assert.Equal(TimeSpan.FromSeconds(6 * 60 + 11), transcript.Turns.Single(t => t.Line == 47).Start);
        AssertClean(transcript);
    }

    [Fact]
    public void Changelog_keeps_transcriber_notes_without_their_offsets()
    {
        var transcript = Read("02-changelog-542-dr-dawn-foster.md");

        var turn = transcript.Turns.Single(t => t.Line == 151);
        Assert.Contains("That would be great, [unintelligible] and especially", turn.Paragraphs[0]);
        Assert.Contains(transcript.Removed, r => r is { Line: 151, Kind: "timestamp", Text: "00:14:25.12" });
    }

    [Fact]
    public void Bitcoin_explained_reads_front_matter_sections_and_timed_labels()
    {
        var transcript = Read("04-btc-explained-consensus-cleanup.md");

        Assert.StartsWith("Bitcoin and Privacy Under Attack: Tornado Cash", transcript.Title);
        Assert.Equal(new DateOnly(2024, 5, 29), transcript.Date);
        Assert.Equal("93", transcript.Episode);
        Assert.Contains("consensus-cleanup", transcript.Topics);
        Assert.Equal(["sjors-provoost", "aaron-van-wirdum"], transcript.Speakers.Select(s => s.Id));
        Assert.Equal(9, transcript.Sections.Count);
        Assert.Equal("Into & Sponsor Segment", transcript.Sections[0].Heading);
        Assert.Equal("Soft fork activation", transcript.Sections[^1].Heading);

        var first = transcript.Turns.First();
        Assert.Equal("aaron-van-wirdum", first.SpeakerId);
        Assert.Equal(TimeSpan.FromSeconds(19), first.Start);
        Assert.Equal(["Live from Utrecht, this is Bitcoin"], first.Paragraphs);
        Assert.All(transcript.Turns, t => Assert.NotNull(t.Start));
        // One sentence per line in the source; the lines of a paragraph are joined.
        Assert.Equal(
            "Sjors, it's been a month. That means you had a whole month to think about this pun that you told me you're gonna tell our dear listeners for this episode. Let's hear it. Let's hear it.",
            transcript.Turns.ElementAt(2).Paragraphs[0]);
        // "64." alone on a line is speech, not an ordered-list marker.
        Assert.Contains(transcript.Turns, t => t.Paragraphs.SequenceEqual(["64."]));
        Assert.Empty(transcript.Diagnostics);
        AssertClean(transcript);
    }

    [Fact]
    public void Podcasting_vtt_has_three_speakers_from_voice_tags_and_prefixes()
    {
        var transcript = Read("11-podcasting-qa-voice-tags.vtt");

        Assert.Equal(["travis", "sarah", "gilon"], transcript.Speakers.Select(s => s.Id));
        Assert.Equal(
            ["travis", "sarah", "travis", "gilon", "travis", "gilon", "travis", "sarah", "gilon", "travis"],
            transcript.Turns.Select(t => t.SpeakerId));
        var first = transcript.Turns.First();
        Assert.Equal(TimeSpan.FromMilliseconds(179), first.Start);
        Assert.StartsWith("When you first get started in podcasting, it's almost guaranteed", first.Paragraphs[0]);
        Assert.StartsWith("So is there an ideal podcast length", transcript.Turns.ElementAt(3).Paragraphs[0]);
        Assert.Empty(transcript.Diagnostics);
        AssertClean(transcript);
    }

    [Fact]
    public void Fomc_markdown_extracted_from_a_pdf_goes_to_the_raw_text_reader()
    {
        var path = RepoPaths.SharedFile("corpus/real/18-fomc-conference-call-1991-02-01.md");
        var text = global::ArchiveSite.Ingest.Decoding.TextDecoder.Decode(path, File.ReadAllBytes(path)).Text!;

        Assert.Equal(TranscriptFormat.RawText, TranscriptFormats.Detect(path, text));
    }

    [GeneratedRegex(@"\*\*|\\\[|\\\]|-->|<|>|WEBVTT|\b\d{1,2}:\d{2}(:\d{2})?\b|^\d+$")]
    private static partial Regex Noise();

    static void AssertClean(Transcript transcript)
    {
        var noisy = transcript.Turns.SelectMany(t => t.Paragraphs).Where(p => Noise().IsMatch(p)).Take(3).ToList();
        Assert.True(noisy.Count == 0, "noise left in the text:\n" + string.Join("\n", noisy));
        Assert.DoesNotContain(transcript.Diagnostics, d => d.Severity == Severity.Error);
    }
}
