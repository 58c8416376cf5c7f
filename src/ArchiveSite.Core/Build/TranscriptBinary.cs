using System.Text;
using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>
/// A parsed <see cref="Transcript"/> as compact bytes for the build cache: every property of the model, in
/// order. A test checks that each model record has exactly the properties written here, so a property added
/// to the model fails it instead of silently vanishing from cached transcripts.
/// </summary>
public static class TranscriptBinary
{
    /// <summary>Changes whenever the layout below does, so old cache entries are never misread.</summary>
    const int FormatVersion = 1;

    public static byte[] ToBytes(Transcript transcript)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            Write(writer, transcript);
        return stream.ToArray();
    }

    /// <summary>Writes what <see cref="ToBytes"/> returns; the writer must encode strings as UTF-8.</summary>
    public static void Write(BinaryWriter writer, Transcript transcript)
    {
        writer.Write(FormatVersion);
        writer.Write(transcript.SourcePath);
        writer.Write(transcript.Slug);
        writer.WriteOptional(transcript.Title);
        writer.WriteOptional(transcript.Series);
        writer.Write(transcript.Date?.DayNumber ?? -1);
        writer.WriteOptional(transcript.Episode);
        writer.WriteList(transcript.Speakers, s =>
        {
            writer.Write(s.Id);
            writer.Write(s.Name);
            writer.WriteOptional(s.Credentials);
            writer.WriteList(s.Labels, writer.Write);
        });
        writer.WriteList(transcript.Sections, section =>
        {
            writer.WriteOptional(section.Heading);
            writer.Write(section.Line);
            writer.WriteList(section.Turns, turn =>
            {
                writer.Write(turn.SpeakerId);
                writer.Write(turn.Start?.Ticks ?? -1);
                writer.WriteList(turn.Paragraphs, writer.Write);
                writer.Write(turn.Line);
            });
        });
        writer.WriteList(transcript.Quotes, quote =>
        {
            writer.Write(quote.Text);
            writer.WriteOptional(quote.SpeakerId);
            writer.WriteOptional(quote.Section);
            writer.Write(quote.Turn ?? -1);
            writer.Write(quote.Line);
        });
        writer.WriteList(transcript.Topics, writer.Write);
        writer.WriteList(transcript.Removed, removed =>
        {
            writer.Write(removed.Line);
            writer.Write(removed.Kind);
            writer.Write(removed.Text);
        });
        writer.WriteDiagnostics(transcript.Diagnostics);
    }

    /// <summary>The transcript, or null when the bytes are not a whole transcript of this format.</summary>
    public static Transcript? FromBytes(ArraySegment<byte> bytes)
    {
        try
        {
            var reader = new CacheBytesReader(bytes);
            if (reader.ReadInt32() != FormatVersion)
                return null;
            var transcript = new Transcript
            {
                SourcePath = reader.ReadString(),
                Slug = reader.ReadString(),
                Title = reader.ReadOptionalString(),
                Series = reader.ReadOptionalString(),
                Date = reader.ReadInt32() is var day and >= 0 ? DateOnly.FromDayNumber(day) : null,
                Episode = reader.ReadOptionalString(),
                Speakers = reader.ReadList(() => new Speaker(reader.ReadString(), reader.ReadString(), reader.ReadOptionalString(),
                    reader.ReadList(reader.ReadString))),
                Sections = reader.ReadList(() => new Section(reader.ReadOptionalString(), reader.ReadInt32(), reader.ReadList(() => new Turn(
                    reader.ReadString(),
                    reader.ReadInt64() is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null,
                    reader.ReadList(reader.ReadString),
                    reader.ReadInt32())))),
                Quotes = reader.ReadList(() => new Quote(reader.ReadString(), reader.ReadOptionalString(), reader.ReadOptionalString(),
                    reader.ReadInt32() is var turn and >= 0 ? turn : null, reader.ReadInt32())),
                Topics = reader.ReadList(reader.ReadString),
                Removed = reader.ReadList(() => new RemovedLine(reader.ReadInt32(), reader.ReadString(), reader.ReadString())),
                Diagnostics = reader.ReadDiagnostics(),
            };
            return reader.AtEnd ? transcript : null;
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return null;
        }
    }
}
