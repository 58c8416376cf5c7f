using System.Text;
using ArchiveSite.Ingest;
using ArchiveSite.Model;

namespace ArchiveSite.Tests.Ingest;

/// <summary>The dispatcher: bytes no spec file can hold, routing by extension and content, files on disk.</summary>
public sealed class TranscriptReaderTests
{
    [Fact]
    public void Binary_bytes_give_an_error_naming_the_file_and_line()
    {
        var bytes = Encoding.ASCII.GetBytes("WEBVTT\n\n").Concat(new byte[] { 0, 1, 2, 0, 0xFF }).ToArray();

        var transcript = TranscriptReader.Read("talks/clip.vtt", bytes);

        var error = Assert.Single(transcript.Diagnostics);
        Assert.Equal(new Diagnostic(Severity.Error, "talks/clip.vtt", 3, "the file is not text (it contains NUL bytes)"), error);
        Assert.Empty(transcript.Sections);
        Assert.Equal("clip", transcript.Slug);
    }

    [Fact]
    public void Invalid_utf8_is_read_as_windows_1252_with_a_warning_on_its_line()
    {
        var bytes = Encoding.ASCII.GetBytes("**Ann:** Hi.\n\n**Bob:** Caf").Concat(new byte[] { 0xE9, (byte)'.' }).ToArray();

        var transcript = TranscriptReader.Read("cafe.md", bytes);

        var warning = Assert.Single(transcript.Diagnostics);
        Assert.Equal((Severity.Warning, 3), (warning.Severity, warning.Line));
        Assert.Equal("Café.", transcript.Turns.Last().Paragraphs[0]);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(42);
        foreach (var extension in new[] { ".md", ".vtt", ".srt", ".txt", ".bin" })
            for (var i = 0; i < 50; i++)
            {
                var bytes = new byte[random.Next(0, 400)];
                random.NextBytes(bytes);
                var transcript = TranscriptReader.Read("x" + extension, bytes);
                Assert.Equal("x", transcript.Slug);
                Assert.DoesNotContain(transcript.Diagnostics, d => d.Message.StartsWith("the reader failed"));
            }
    }

    [Theory]
    [InlineData("talk.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", TranscriptFormat.WebVtt)]
    [InlineData("talk.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", TranscriptFormat.WebVtt)]
    [InlineData("talk.vtt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", TranscriptFormat.Srt)]
    [InlineData("talk.txt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", TranscriptFormat.Srt)]
    [InlineData("talk.srt", "00:00:01,000 --> 00:00:02,000\nHi\n", TranscriptFormat.Srt)]
    [InlineData("talk.md", "**Ann:** Hi\n", TranscriptFormat.Markdown)]
    [InlineData("talk.markdown", "Just words.\n", TranscriptFormat.Markdown)]
    [InlineData("talk.md", "# Notes\n\n--- Page 1 ---\n\nMR. SMITH. Hello.\n", TranscriptFormat.RawText)]
    [InlineData("talk.md", "---\ntitle: T\n---\n--- Page 1 ---\n", TranscriptFormat.Markdown)]
    [InlineData("talk.md", "--- Page 1 ---\n\n**Ann:** Hi\n", TranscriptFormat.Markdown)]
    [InlineData("talk.md", "--- Page 1 ---\n\nAnn: 00:01:02\n\nHi\n", TranscriptFormat.Markdown)]
    [InlineData("talk.txt", "Dr. Smith: Hello.\n", TranscriptFormat.RawText)]
    [InlineData("talk.html", "<pre>Dr. Smith: Hello.</pre>\n", TranscriptFormat.RawText)]
    [InlineData("talk", "---\ntitle: T\n---\n**Ann:** Hi\n", TranscriptFormat.Markdown)]
    [InlineData("talk.doc", "Dr. Smith: Hello.\n", TranscriptFormat.RawText)]
    public void Format_is_chosen_by_extension_and_content(string path, string text, TranscriptFormat expected) =>
        Assert.Equal(expected, TranscriptFormats.Detect(path, text));

    [Fact]
    public void ReadFile_reports_a_missing_file_instead_of_throwing()
    {
        var path = Path.Combine(Path.GetTempPath(), "archivesite-missing-" + Guid.NewGuid() + ".md");

        var transcript = TranscriptReader.ReadFile(path);

        var error = Assert.Single(transcript.Diagnostics);
        Assert.Equal((Severity.Error, path, 1), (error.Severity, error.File, error.Line));
        Assert.StartsWith("the file cannot be read", error.Message);
    }

    [Fact]
    public void ReadFile_takes_caption_metadata_from_the_sidecar_yaml()
    {
        var folder = Directory.CreateTempSubdirectory("archivesite-sidecar-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Talk One.vtt"),
                "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Welcome.\n");
            File.WriteAllText(Path.Combine(folder, "Talk One.yml"),
                "title: Talk one\nspeakers:\n  - name: Ann Lee\n    credentials: PhD\n    labels: [Ann]\nquotes:\n  - text: Welcome.\n    speaker: Ann\n");

            var transcript = TranscriptReader.ReadFile(Path.Combine(folder, "Talk One.vtt"));

            Assert.Equal("talk-one", transcript.Slug);
            Assert.Equal("Talk one", transcript.Title);
            var speaker = Assert.Single(transcript.Speakers);
            Assert.Equal(("ann-lee", "Ann Lee", "PhD"), (speaker.Id, speaker.Name, speaker.Credentials));
            Assert.Equal(["Ann"], speaker.Labels);
            Assert.Equal("ann-lee", Assert.Single(transcript.Turns).SpeakerId);
            Assert.Equal("ann-lee", Assert.Single(transcript.Quotes).SpeakerId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
