using System.Text;
using ArchiveSite.Archive;
using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>
/// What Process made of one transcript (<see cref="ArchivedTranscript"/> without its source, which the transcript
/// cache keeps, and without the neighbours PostProcess adds) as compact bytes for the build cache. A test checks
/// that the records have exactly the properties handled here.
/// </summary>
public static class ProcessedBinary
{
    /// <summary>Changes whenever the layout below does, so old cache entries are never misread.</summary>
    const int FormatVersion = 2;

    public static byte[] ToBytes(ArchivedTranscript processed)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            Write(writer, processed);
        return stream.ToArray();
    }

    /// <summary>Writes what <see cref="ToBytes"/> returns; the writer must encode strings as UTF-8.</summary>
    public static void Write(BinaryWriter writer, ArchivedTranscript processed)
    {
        writer.Write(FormatVersion);
        writer.Write(processed.Title);
        writer.WriteOptional(processed.SeriesId);
        writer.WriteList(processed.PersonIdBySpeaker, pair =>
        {
            writer.Write(pair.Key);
            writer.Write(pair.Value);
        });
        writer.WriteList(processed.TopicIds, writer.Write);
        writer.WriteList(processed.Passages, passage =>
        {
            writer.Write(passage.TopicId);
            writer.Write(passage.TranscriptSlug);
            writer.Write(passage.Turn);
            writer.Write(passage.PersonId);
            writer.Write(passage.Hits);
            writer.Write(passage.Score);
            writer.Write(passage.Excerpt);
        });
        writer.WriteList(processed.Quotes, quote =>
        {
            writer.Write(quote.Id);
            writer.Write(quote.Text);
            writer.Write(quote.TranscriptSlug);
            writer.WriteOptional(quote.PersonId);
            writer.WriteOptional(quote.Section);
            writer.Write(quote.Turn ?? -1);
            writer.Write(quote.Line);
        });
        writer.WriteList(processed.Speaking, spoken =>
        {
            writer.Write(spoken.PersonId);
            writer.Write(spoken.FirstSpeakerId);
            writer.Write(spoken.Turns);
            writer.Write(spoken.Words);
        });
        writer.WriteList(processed.StemCounts, pair =>
        {
            writer.Write(pair.Key);
            writer.Write(pair.Value);
        });
    }

    /// <summary>What Process made of <paramref name="source"/>, or null when the bytes are not a whole entry of this format.</summary>
    /// <param name="stems">Where the stems of <see cref="ArchivedTranscript.StemCounts"/> are read through, shared by the entries of a build.</param>
    public static ArchivedTranscript? FromBytes(ArraySegment<byte> bytes, Transcript source, StringPool? stems = null)
    {
        try
        {
            var reader = new CacheBytesReader(bytes);
            if (reader.ReadInt32() != FormatVersion)
                return null;
            var processed = new ArchivedTranscript
            {
                Source = source,
                Title = reader.ReadString(),
                SeriesId = reader.ReadOptionalString(),
                PersonIdBySpeaker = reader.ReadDictionary(reader.ReadString, reader.ReadString),
                TopicIds = reader.ReadList(reader.ReadString),
                Passages = reader.ReadList(() => new Passage(reader.ReadString(), reader.ReadString(), reader.ReadInt32(),
                    reader.ReadString(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadString())),
                Quotes = reader.ReadList(() => new ArchivedQuote(reader.ReadString(), reader.ReadString(), reader.ReadString(),
                    reader.ReadOptionalString(), reader.ReadOptionalString(), reader.ReadInt32() is var turn and >= 0 ? turn : null,
                    reader.ReadInt32())),
                Speaking = reader.ReadList(() => new SpokenTurns(reader.ReadString(), reader.ReadString(), reader.ReadInt32(), reader.ReadInt32())),
                StemCounts = stems is null
                    ? reader.ReadList(() => new KeyValuePair<string, int>(reader.ReadString(), reader.ReadInt32()))
                    : ReadNumbered(reader, stems),
            };
            return reader.AtEnd ? processed : null;
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Stem counts as written above, each stem numbered by <paramref name="stems"/>.</summary>
    static NumberedStemCounts ReadNumbered(CacheBytesReader reader, StringPool stems)
    {
        var count = reader.ReadCount();
        var counts = new KeyValuePair<string, int>[count];
        var numbers = new int[count];
        for (var i = 0; i < count; i++)
            counts[i] = new KeyValuePair<string, int>(reader.ReadString(stems, out numbers[i]), reader.ReadInt32());
        return new NumberedStemCounts(counts, numbers, stems);
    }
}
