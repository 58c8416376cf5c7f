using System.Security.Cryptography;
using System.Text;

namespace Lunr;

/// <summary>
/// A batch of documents after tokenizer and pipeline (<see cref="Builder.Analyze"/>), ready for
/// <see cref="Builder.Add(IReadOnlyList{string}, AnalyzedDocuments, double)"/>: per document and field, the
/// distinct terms in order of first occurrence with their frequencies, and the field length. The terms are
/// numbered within the batch (<see cref="Terms"/>), so a batch can be kept (<see cref="ToBytes"/>) and added
/// to a later build without analysing its text again. Refs are not part of it: they are given when it is added.
/// </summary>
public sealed class AnalyzedDocuments
{
    const byte Format = 1;
    const int HashBytes = SHA256.HashSizeInBytes;

    readonly AnalyzedField[] fields;

    internal AnalyzedDocuments(string[] terms, int fieldCount, int count, AnalyzedField[] fields)
    {
        Terms = terms;
        FieldCount = fieldCount;
        Count = count;
        this.fields = fields;
    }

    /// <summary>The distinct terms of the batch; fields refer to them by position.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The number of fields each document was analysed with.</summary>
    public int FieldCount { get; }

    /// <summary>The number of documents.</summary>
    public int Count { get; }

    /// <summary>Field <paramref name="field"/> of document <paramref name="document"/>, its terms numbered within the batch.</summary>
    internal AnalyzedField Field(int document, int field) => fields[document * FieldCount + field];

    /// <summary>A compact binary form for <see cref="FromBytes"/>, ending with the SHA-256 of what comes before it.</summary>
    public byte[] ToBytes()
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write7BitEncodedInt(Terms.Count);
            foreach (var term in Terms)
                writer.Write(term);
            writer.Write7BitEncodedInt(Count);
            writer.Write7BitEncodedInt(FieldCount);
            foreach (var field in fields)
            {
                writer.Write7BitEncodedInt(field.TermIds.Length);
                for (var i = 0; i < field.TermIds.Length; i++)
                {
                    writer.Write7BitEncodedInt(field.TermIds[i]);
                    writer.Write7BitEncodedInt(field.Frequencies[i]);
                }
            }
        }
        memory.Write(SHA256.HashData(memory.GetBuffer().AsSpan(0, (int)memory.Length)));
        return memory.ToArray();
    }

    /// <summary>
    /// The batch <see cref="ToBytes"/> wrote; null for bytes that are not a whole, undamaged batch (a damaged
    /// cache is an empty one). The field length is not stored: it is the sum of the frequencies.
    /// </summary>
    public static AnalyzedDocuments? FromBytes(byte[] bytes)
    {
        if (bytes.Length < HashBytes
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashBytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashBytes)))
            return null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - HashBytes, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != Format)
                return null;
            var terms = new string[ReadCount(reader, bytes.Length)];
            for (var t = 0; t < terms.Length; t++)
                terms[t] = reader.ReadString();
            var count = ReadCount(reader, bytes.Length);
            var fieldCount = ReadCount(reader, bytes.Length);
            if ((long)count * fieldCount > bytes.Length)
                return null;
            var fields = new AnalyzedField[count * fieldCount];
            var seen = new int[terms.Length];
            for (var slot = 0; slot < fields.Length; slot++)
            {
                var distinct = ReadCount(reader, bytes.Length);
                var termIds = new int[distinct];
                var frequencies = new int[distinct];
                var length = 0;
                for (var i = 0; i < distinct; i++)
                {
                    termIds[i] = reader.Read7BitEncodedInt();
                    frequencies[i] = reader.Read7BitEncodedInt();
                    // A term twice in one field, or a count that is not a count, would index wrongly.
                    if ((uint)termIds[i] >= (uint)terms.Length || seen[termIds[i]] == slot + 1 || frequencies[i] <= 0)
                        return null;
                    seen[termIds[i]] = slot + 1;
                    length = checked(length + frequencies[i]);
                }
                fields[slot] = distinct == 0 ? AnalyzedField.Empty : new AnalyzedField(termIds, frequencies, length);
            }
            return reader.BaseStream.Position == reader.BaseStream.Length ? new AnalyzedDocuments(terms, fieldCount, count, fields) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or OverflowException or DecoderFallbackException)
        {
            return null;
        }
    }

    static int ReadCount(BinaryReader reader, int byteCount)
    {
        var count = reader.Read7BitEncodedInt();
        // Every counted item takes at least one byte, so a larger count is damage, not a huge batch.
        return count >= 0 && count <= byteCount ? count : throw new FormatException($"count {count} in {byteCount} bytes");
    }
}
