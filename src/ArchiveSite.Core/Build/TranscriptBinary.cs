using System.Text;
using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>
/// A parsed <see cref="Transcript"/> as compact bytes for the build cache: every property of the model, in
/// order, except that the bulk (the paragraphs of every turn, the quotes, the lines removed) comes last, after the
/// rest, so a transcript can be decoded without it (see <see cref="StoredList{T}"/>). A test checks that each model record has exactly the
/// properties written here, so a property added to the model fails it instead of silently vanishing from cached
/// transcripts.
/// </summary>
public static class TranscriptBinary
{
    /// <summary>Changes whenever the layout below does, so old cache entries are never misread.</summary>
    const int FormatVersion = 3;

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
        writer.WriteList(transcript.Topics, writer.Write);
        writer.WriteDiagnostics(transcript.Diagnostics);
        writer.Write(transcript.Quotes.Count);
        writer.Write(transcript.Removed.Count);
        using var bulk = new MemoryStream();
        using (var bulkWriter = new BinaryWriter(bulk, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var section in transcript.Sections)
                foreach (var turn in section.Turns)
                    foreach (var paragraph in turn.Paragraphs)
                        bulkWriter.Write(paragraph);
            foreach (var quote in transcript.Quotes)
            {
                bulkWriter.Write(quote.Text);
                bulkWriter.WriteOptional(quote.SpeakerId);
                bulkWriter.WriteOptional(quote.Section);
                bulkWriter.Write(quote.Turn ?? -1);
                bulkWriter.Write(quote.Line);
            }
            foreach (var removed in transcript.Removed)
            {
                bulkWriter.Write(removed.Line);
                bulkWriter.Write(removed.Kind);
                bulkWriter.Write(removed.Text);
            }
        }
        writer.Write((int)bulk.Length);
        writer.Write(bulk.GetBuffer(), 0, (int)bulk.Length);
    }

    /// <summary>The transcript, or null when the bytes are not a whole transcript of this format.</summary>
    public static Transcript? FromBytes(ArraySegment<byte> bytes) => FromBytes(bytes, null);

    /// <summary>
    /// As <see cref="FromBytes(ArraySegment{byte})"/>; when the bytes are an entry <paramref name="stored"/> in an open
    /// pack file, its bulk (paragraphs, quotes, lines removed) is left there until read.
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
            var topics = reader.ReadList(reader.ReadString);
            var diagnostics = reader.ReadDiagnostics();
            var quoteCount = reader.ReadInt32();
            var removedCount = reader.ReadInt32();
            var bulkLength = reader.ReadInt32();
            var bulkStart = reader.Position;
            var bulk = new Bulk(new CacheBytesReader(reader.ReadSegment(bulkLength)), stored, bulkStart);
            if (!reader.AtEnd)
                return null;
            var madeSections = new Section[sections.Length];
            for (var s = 0; s < sections.Length; s++)
            {
                var turns = new Turn[sections[s].Turns.Length];
                for (var t = 0; t < turns.Length; t++)
                {
                    var (speakerId, start, count, line) = sections[s].Turns[t];
                    turns[t] = new Turn(speakerId, start, bulk.Next(count, SkipString, ReadString), line);
                }
                madeSections[s] = new Section(sections[s].Heading, sections[s].Line, turns);
            }
            var quotes = bulk.Next(quoteCount, SkipQuote, ReadQuote);
            var removed = bulk.Next(removedCount, SkipRemoved, ReadRemoved);
            if (!bulk.AtEnd)
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

    static string ReadString(CacheBytesReader reader) => reader.ReadString();

    static void SkipString(CacheBytesReader reader) => reader.SkipString();

    static Quote ReadQuote(CacheBytesReader reader) => new(reader.ReadString(), reader.ReadOptionalString(), reader.ReadOptionalString(),
        reader.ReadInt32() is var turn and >= 0 ? turn : null, reader.ReadInt32());

    static void SkipQuote(CacheBytesReader reader)
    {
        reader.SkipString();
        reader.SkipOptionalString();
        reader.SkipOptionalString();
        reader.ReadSegment(2 * sizeof(int));
    }

    static RemovedLine ReadRemoved(CacheBytesReader reader) => new(reader.ReadInt32(), reader.ReadString(), reader.ReadString());

    static void SkipRemoved(CacheBytesReader reader)
    {
        reader.ReadSegment(sizeof(int));
        reader.SkipString();
        reader.SkipString();
    }

    /// <summary>The bulk of an entry, read in order: decoded, or, from an entry stored in a pack, left there with its place noted.</summary>
    /// <param name="start">Where the bulk starts in the entry.</param>
    sealed class Bulk(CacheBytesReader reader, StoredEntry? stored, int start)
    {
        public bool AtEnd => reader.AtEnd;

        /// <summary>
        /// The next <paramref name="count"/> items. Either way each one is checked against the bytes (passed over with
        /// <paramref name="skip"/> when left in the pack), so a damaged entry is no transcript.
        /// </summary>
        public IReadOnlyList<T> Next<T>(int count, Action<CacheBytesReader> skip, Func<CacheBytesReader, T> read)
        {
            // Each item takes at least one byte.
            if (count < 0 || count > reader.Remaining)
                throw new IOException("not a list length");
            if (stored is null)
            {
                var items = new T[count];
                for (var i = 0; i < count; i++)
                    items[i] = read(reader);
                return items;
            }
            if (count == 0)
                return [];
            var first = reader.Position;
            for (var i = 0; i < count; i++)
                skip(reader);
            return new StoredList<T>(stored.File, stored.Offset + start + first, reader.Position - first, count, read);
        }
    }
}
