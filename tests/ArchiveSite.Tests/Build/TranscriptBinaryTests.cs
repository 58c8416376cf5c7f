using ArchiveSite.Build;
using ArchiveSite.Ingest;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Build;

public sealed class TranscriptBinaryTests
{
    [Fact]
    public void Every_field_survives_the_round_trip()
    {
        var transcript = new Transcript
        {
            SourcePath = "transcripts/a.md",
            Slug = "a",
            Title = "Title “quoted”",
            Series = "Series",
            Date = new DateOnly(2025, 1, 20),
            Episode = "Week 3",
            Speakers = [new Speaker("ana", "Ana", "PhD", ["Ana", "Dr. A"]), new Speaker("bo", "Bo", null, [])],
            Sections =
            [
                new Section(null, 1, [new Turn("ana", TimeSpan.FromSeconds(61.5), ["One.", "Two 𝄞."], 3)]),
                new Section("Heading", 9, [new Turn("bo", null, [""], 10)]),
            ],
            Quotes = [new Quote("One.", "ana", null, 1, 4), new Quote("Lost", null, "Heading", null, 20)],
            Topics = ["sleep"],
            Removed = [new RemovedLine(7, "footer", "Page 2")],
            Diagnostics = [new Diagnostic(Severity.Warning, "transcripts/a.md", 5, "a warning")],
        };

        var copy = TranscriptBinary.FromBytes(TranscriptBinary.ToBytes(transcript));

        Assert.NotNull(copy);
        Assert.Equal(ModelFingerprint.Of(transcript), ModelFingerprint.Of(copy));
        Assert.Equal(TranscriptJson.ToJson(transcript), TranscriptJson.ToJson(copy));
    }

    [Fact]
    public void The_sample_transcripts_of_every_format_survive_the_round_trip()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "input", "transcripts"))
            .Where(f => Path.GetExtension(f) is not ".yml").ToList();
        Assert.Equal(4, files.Count);
        foreach (var file in files)
        {
            var transcript = TranscriptReader.ReadFile(file);
            var copy = TranscriptBinary.FromBytes(TranscriptBinary.ToBytes(transcript));
            Assert.NotNull(copy);
            Assert.Equal(ModelFingerprint.Of(transcript), ModelFingerprint.Of(copy));
        }
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_no_transcript()
    {
        var bytes = TranscriptBinary.ToBytes(new Transcript { SourcePath = "a.md", Slug = "a", Title = "A" });

        Assert.Null(TranscriptBinary.FromBytes(bytes[..^1]));
        Assert.Null(TranscriptBinary.FromBytes((byte[])[.. bytes, 0]));
        Assert.Null(TranscriptBinary.FromBytes((byte[])[9, 9, 9, 9, 255, 255, 255, 255]));
        Assert.Null(TranscriptBinary.FromBytes([]));
    }

    [Fact]
    public void A_transcript_decoded_from_a_stored_entry_reads_its_bulk_from_the_file_when_asked_and_a_damaged_one_is_none()
    {
        var transcript = TestTranscripts.Make("a", "A", [new Speaker("ana", "Ana", null, [])],
        [
            new Section(null, 1, [new Turn("ana", null, ["One.", "Two 𝄞."], 2), new Turn("ana", null, [], 3)]),
            new Section("Later", 4, [new Turn("ana", null, ["Three."], 5)]),
        ]) with
        {
            Quotes = [new Quote("One.", "ana", null, 1, 2), new Quote("Lost", null, "Later", null, 9)],
            Removed = [new RemovedLine(7, "footer", "Page 2")],
        };
        var bytes = TranscriptBinary.ToBytes(transcript);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, [0, 0, 0, .. bytes]);
            using var handle = File.OpenHandle(file);
            var stored = new StoredEntry(handle, 3);

            var copy = TranscriptBinary.FromBytes(bytes, stored);

            Assert.NotNull(copy);
            Assert.Equal(TranscriptJson.ToJson(transcript), TranscriptJson.ToJson(copy));
            Assert.Null(TranscriptBinary.FromBytes(bytes[..^1], stored));
            var longer = (byte[])bytes.Clone();
            longer[bytes.AsSpan().IndexOf("Three."u8) - 1] = 0x7F;
            Assert.Null(TranscriptBinary.FromBytes(longer, stored));
            Assert.Null(TranscriptBinary.FromBytes(longer));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The cache format writes these properties; a property added to the model must be added there too.</summary>
    [Theory]
    [InlineData(typeof(Transcript), "Date Diagnostics Episode Quotes Removed Sections Series Slug SourcePath Speakers Title Topics Turns")]
    [InlineData(typeof(Speaker), "Credentials Id Labels Name")]
    [InlineData(typeof(Section), "Heading Line Turns")]
    [InlineData(typeof(Turn), "Line Paragraphs SpeakerId Start")]
    [InlineData(typeof(Quote), "Line Section SpeakerId Text Turn")]
    [InlineData(typeof(RemovedLine), "Kind Line Text")]
    [InlineData(typeof(Diagnostic), "File Line Message Severity")]
    public void The_cache_format_knows_every_property_of_the_model(Type type, string properties) =>
        Assert.Equal(properties, string.Join(' ', type.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal)));
}
