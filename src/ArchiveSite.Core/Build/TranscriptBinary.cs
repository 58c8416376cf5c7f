using System.Text;
using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>
/// A parsed <see cref="Transcript"/> as compact bytes for the build cache: every property of the model, in
/// order, except that the paragraphs of every turn come last, after the rest, so a transcript can be decoded
/// without them (see <see cref="StoredParagraphs"/>). A test checks that each model record has exactly the
/// properties written here, so a property added to the model fails it instead of silently vanishing from cached
/// transcripts.
/// </summary>
public static class TranscriptBinary
{
    /// <summary>Changes whenever the layout below does, so old cache entries are never misread.</summary>
    const int FormatVersion = 2;

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
                writer.Write(turn.Paragraphs.Count);
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
        using var text = new MemoryStream();
        using (var textWriter = new BinaryWriter(text, Encoding.UTF8, leaveOpen: true))
            foreach (var section in transcript.Sections)
                foreach (var turn in section.Turns)
                    foreach (var paragraph in turn.Paragraphs)
                        textWriter.Write(paragraph);
        writer.Write((int)text.Length);
        writer.Write(text.GetBuffer(), 0, (int)text.Length);
    }

    /// <summary>The transcript, or null when the bytes are not a whole transcript of this format.</summary>
    public static Transcript? FromBytes(ArraySegment<byte> bytes) => FromBytes(bytes, null);

    /// <summary>
    /// As <see cref="FromBytes(ArraySegment{byte})"/>; when the bytes are an entry <paramref name="stored"/> in an open
    /// pack file, the paragraphs are left there until read.
    /// </summary>
    public static Transcript? FromBytes(ArraySegment<byte> bytes, StoredEntry? stored)
    {
        try
        {
            var reader = new CacheBytesReader(bytes);
            if (reader.ReadInt32() != FormatVersion)
                return null;
            var sourcePath = reader.ReadString();
            var slug = reader.ReadString();
            var title = reader.ReadOptionalString();
            var series = reader.ReadOptionalString();
            DateOnly? date = reader.ReadInt32() is var day and >= 0 ? DateOnly.FromDayNumber(day) : null;
            var episode = reader.ReadOptionalString();
            var speakers = reader.ReadList(() => new Speaker(reader.ReadString(), reader.ReadString(), reader.ReadOptionalString(),
                reader.ReadList(reader.ReadString)));
            var sections = reader.ReadList(() => (Heading: reader.ReadOptionalString(), Line: reader.ReadInt32(), Turns: reader.ReadList(() => (
                SpeakerId: reader.ReadString(),
                Start: reader.ReadInt64() is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : (TimeSpan?)null,
                Paragraphs: reader.ReadInt32(),
                Line: reader.ReadInt32()))));
            var quotes = reader.ReadList(() => new Quote(reader.ReadString(), reader.ReadOptionalString(), reader.ReadOptionalString(),
                reader.ReadInt32() is var turn and >= 0 ? turn : null, reader.ReadInt32()));
            var topics = reader.ReadList(reader.ReadString);
            var removed = reader.ReadList(() => new RemovedLine(reader.ReadInt32(), reader.ReadString(), reader.ReadString()));
            var diagnostics = reader.ReadDiagnostics();
            var textLength = reader.ReadInt32();
            var textStart = reader.Position;
            var text = new CacheBytesReader(reader.ReadSegment(textLength));
            if (!reader.AtEnd)
                return null;
            var madeSections = new Section[sections.Length];
            for (var s = 0; s < sections.Length; s++)
            {
                var turns = new Turn[sections[s].Turns.Length];
                for (var t = 0; t < turns.Length; t++)
                {
                    var (speakerId, start, count, line) = sections[s].Turns[t];
                    turns[t] = new Turn(speakerId, start, Paragraphs(text, count, stored, textStart), line);
                }
                madeSections[s] = new Section(sections[s].Heading, sections[s].Line, turns);
            }
            if (!text.AtEnd)
                return null;
            return new Transcript
            {
                SourcePath = sourcePath,
                Slug = slug,
                Title = title,
                Series = series,
                Date = date,
                Episode = episode,
                Speakers = speakers,
                Sections = madeSections,
                Quotes = quotes,
                Topics = topics,
                Removed = removed,
                Diagnostics = diagnostics,
            };
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> paragraphs of the text: decoded, or, from an entry stored in a pack, their place
    /// in it. Either way each one's length is checked against the bytes, so a damaged entry is no transcript.
    /// </summary>
    /// <param name="textStart">Where the text starts in the entry.</param>
    static IReadOnlyList<string> Paragraphs(CacheBytesReader text, int count, StoredEntry? stored, int textStart)
    {
        // Each paragraph takes at least its length byte.
        if (count < 0 || count > text.Remaining)
            throw new IOException("not a paragraph count");
        if (stored is null)
        {
            var paragraphs = new string[count];
            for (var i = 0; i < count; i++)
                paragraphs[i] = text.ReadString();
            return paragraphs;
        }
        if (count == 0)
            return [];
        var first = text.Position;
        for (var i = 0; i < count; i++)
            text.SkipString();
        return new StoredParagraphs(stored.File, stored.Offset + textStart + first, text.Position - first, count);
    }
}
