using System.Text;
using ArchiveSite.Ingest;
using ArchiveSite.Ingest.RawText;
using ArchiveSite.Model;
using CsCheck;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>The reader as a whole: encodings through the dispatcher, and never throwing or losing text.</summary>
public sealed class RawTextReaderTests
{
    const string Sample = "Dr. Smith: Caf\u00e9 talk, wrapped\nover two lines.\nDr. Jones: Yes.\n";

    static string Outline(Transcript t) =>
        string.Join("|", t.Turns.Select(turn => turn.SpeakerId + ":" + string.Join("/", turn.Paragraphs)));

    [Fact]
    public void Utf8_with_or_without_bom_windows_1252_and_crlf_read_the_same()
    {
        var expected = "smith:Café talk, wrapped over two lines.|jones:Yes.";
        var utf8 = Encoding.UTF8.GetBytes(Sample);
        Assert.Equal(expected, Outline(TranscriptReader.Read("a.txt", utf8)));
        Assert.Equal(expected, Outline(TranscriptReader.Read("a.txt", [0xEF, 0xBB, 0xBF, .. utf8])));
        Assert.Equal(expected, Outline(TranscriptReader.Read("a.txt", Encoding.UTF8.GetBytes(Sample.Replace("\n", "\r\n")))));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.Equal(expected, Outline(TranscriptReader.Read("a.txt", Encoding.GetEncoding(1252).GetBytes(Sample))));
    }

    [Fact]
    public void Line_numbers_in_diagnostics_and_turns_are_the_source_lines()
    {
        var transcript = RawTextReader.Read("talk.txt", "<html><body><pre>\n\nDr. Smith: Hi.\nDr. Jones:\nDr. Smith: Bye.\n</pre>\n");
        Assert.Equal([3, 5], transcript.Turns.Select(t => t.Line));
        var warning = Assert.Single(transcript.Diagnostics, d => d.Severity == Severity.Warning);
        Assert.Equal(("talk.txt", 4), (warning.File, warning.Line));
        Assert.Equal("talk", transcript.Slug);
    }

    [Fact]
    public void Any_input_reads_without_throwing_and_keeps_every_word_of_label_less_text()
    {
        Gen.String.Sample(text =>
        {
            var transcript = RawTextReader.Read("fuzz.txt", text.Replace("\r", ""));
            Assert.NotNull(transcript);
            Assert.DoesNotContain(transcript.Diagnostics, d => d.Severity == Severity.Error);
        }, iter: 2000);

        Gen.Char['a', 'z'].Array[1, 12].Select(c => new string(c)).Array[1, 40].Sample(words =>
        {
            var text = string.Join(' ', words);
            var transcript = RawTextReader.Read("words.txt", text);
            Assert.Equal(text, string.Join(' ', transcript.Turns.SelectMany(t => t.Paragraphs)));
        }, iter: 500);
    }

    [Fact]
    public void Every_line_is_either_in_a_turn_removed_or_blank()
    {
        var text = "Title Line\n\nDr. Smith: one\ntwo\n--- Page 2 ---\nthree\nDr. Jones: four\n";
        var transcript = RawTextReader.Read("t.txt", text);
        var removed = transcript.Removed.Select(r => r.Line).ToHashSet();
        Assert.Equal([1, 5], removed.Order());
        Assert.Equal("smith:one two three|jones:four", Outline(transcript));
    }
}
