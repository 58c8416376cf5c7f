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
        Optional(writer, transcript.Title);
        Optional(writer, transcript.Series);
        writer.Write(transcript.Date?.DayNumber ?? -1);
        Optional(writer, transcript.Episode);
        List(writer, transcript.Speakers, s =>
        {
            writer.Write(s.Id);
            writer.Write(s.Name);
            Optional(writer, s.Credentials);
            List(writer, s.Labels, writer.Write);
        });
        List(writer, transcript.Sections, section =>
        {
            Optional(writer, section.Heading);
            writer.Write(section.Line);
            List(writer, section.Turns, turn =>
            {
                writer.Write(turn.SpeakerId);
                writer.Write(turn.Start?.Ticks ?? -1);
                List(writer, turn.Paragraphs, writer.Write);
                writer.Write(turn.Line);
            });
        });
        List(writer, transcript.Quotes, quote =>
        {
            writer.Write(quote.Text);
            Optional(writer, quote.SpeakerId);
            Optional(writer, quote.Section);
            writer.Write(quote.Turn ?? -1);
            writer.Write(quote.Line);
        });
        List(writer, transcript.Topics, writer.Write);
        List(writer, transcript.Removed, removed =>
        {
            writer.Write(removed.Line);
            writer.Write(removed.Kind);
            writer.Write(removed.Text);
        });
        List(writer, transcript.Diagnostics, diagnostic =>
        {
            writer.Write((int)diagnostic.Severity);
            writer.Write(diagnostic.File);
            writer.Write(diagnostic.Line);
            writer.Write(diagnostic.Message);
        });
    }

    /// <summary>The transcript, or null when the bytes are not a whole transcript of this format.</summary>
    public static Transcript? FromBytes(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion)
                return null;
            var transcript = new Transcript
            {
                SourcePath = reader.ReadString(),
                Slug = reader.ReadString(),
                Title = Optional(reader),
                Series = Optional(reader),
                Date = reader.ReadInt32() is var day and >= 0 ? DateOnly.FromDayNumber(day) : null,
                Episode = Optional(reader),
                Speakers = List(reader, () => new Speaker(reader.ReadString(), reader.ReadString(), Optional(reader), List(reader, reader.ReadString))),
                Sections = List(reader, () => new Section(Optional(reader), reader.ReadInt32(), List(reader, () => new Turn(
                    reader.ReadString(),
                    reader.ReadInt64() is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null,
                    List(reader, reader.ReadString),
                    reader.ReadInt32())))),
                Quotes = List(reader, () => new Quote(reader.ReadString(), Optional(reader), Optional(reader),
                    reader.ReadInt32() is var turn and >= 0 ? turn : null, reader.ReadInt32())),
                Topics = List(reader, reader.ReadString),
                Removed = List(reader, () => new RemovedLine(reader.ReadInt32(), reader.ReadString(), reader.ReadString())),
                Diagnostics = List(reader, () => new Diagnostic((Severity)reader.ReadInt32(), reader.ReadString(), reader.ReadInt32(), reader.ReadString())),
            };
            return reader.BaseStream.Position == bytes.Length ? transcript : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException)
        {
            return null;
        }
    }

    static void Optional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
            writer.Write(value);
    }

    static string? Optional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    static void List<T>(BinaryWriter writer, IReadOnlyList<T> items, Action<T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items)
            write(item);
    }

    static T[] List<T>(BinaryReader reader, Func<T> read)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length)
            throw new IOException("not a list length");
        var items = new T[count];
        for (var i = 0; i < count; i++)
            items[i] = read();
        return items;
    }
}
