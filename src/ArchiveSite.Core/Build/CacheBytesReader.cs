using System.Buffers.Binary;
using System.Text;
using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>
/// Reads back, from bytes in memory, what a <see cref="BinaryWriter"/> with UTF-8 strings wrote. BinaryReader
/// decodes a long string 128 bytes at a time through a StringBuilder: reading the 1,000 transcripts of the
/// benchmark cost about 0.75 s of CPU that way, for 40 MB. Bytes that end early or hold a bad length throw
/// <see cref="IOException"/>.
/// </summary>
public sealed class CacheBytesReader(ArraySegment<byte> bytes)
{
    int _position;

    public bool AtEnd => _position == bytes.Count;

    /// <summary>How many bytes are left: no list in them can have more items than that.</summary>
    public int Remaining => bytes.Count - _position;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(sizeof(double)));

    public bool ReadBoolean() => Take(1)[0] != 0;

    public string ReadString() => Encoding.UTF8.GetString(Take(ReadLength()));

    /// <summary>A string as <see cref="ReadString()"/> reads it, the same instance as every equal one read through <paramref name="pool"/>.</summary>
    public string ReadString(StringPool pool) => pool.Get(Take(ReadLength()));

    /// <summary>As <see cref="ReadString(StringPool)"/>, with the string's number in the pool.</summary>
    public string ReadString(StringPool pool, out int number) => pool.Get(Take(ReadLength()), out number);

    /// <summary>The next <paramref name="count"/> bytes, not copied.</summary>
    public ArraySegment<byte> ReadSegment(int count)
    {
        if (count < 0 || count > Remaining)
            throw new IOException("the bytes end early");
        var segment = bytes.Slice(_position, count);
        _position += count;
        return segment;
    }

    /// <summary>Passes over a string without decoding it.</summary>
    public void SkipString() => Take(ReadLength());

    /// <summary>Passes over what <see cref="ReadOptionalString"/> reads.</summary>
    public void SkipOptionalString()
    {
        if (ReadBoolean())
            SkipString();
    }

    /// <summary>How many bytes were read so far.</summary>
    public int Position => _position;

    public string? ReadOptionalString() => ReadBoolean() ? ReadString() : null;

    public T[] ReadList<T>(Func<T> read)
    {
        var items = new T[ReadCount()];
        for (var i = 0; i < items.Length; i++)
            items[i] = read();
        return items;
    }

    /// <summary>Diagnostics as <see cref="CacheBinaryWriting.WriteDiagnostics"/> writes them.</summary>
    public Diagnostic[] ReadDiagnostics() => ReadList(() => new Diagnostic((Severity)ReadInt32(), ReadString(), ReadInt32(), ReadString()));

    /// <summary>A list of keys and values, as <see cref="CacheBinaryWriting.WriteList{T}"/> writes a dictionary; a key read twice is not one.</summary>
    public Dictionary<string, TValue> ReadDictionary<TValue>(Func<string> readKey, Func<TValue> readValue)
    {
        var count = ReadCount();
        var dictionary = new Dictionary<string, TValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
            if (!dictionary.TryAdd(readKey(), readValue()))
                throw new IOException("a key read twice");
        return dictionary;
    }

    /// <summary>A list's length as <see cref="CacheBinaryWriting.WriteList{T}"/> writes it, for a caller that reads the items itself; never more than the bytes left.</summary>
    public int ReadCount()
    {
        var count = ReadInt32();
        return count < 0 || count > Remaining ? throw new IOException("not a list length") : count;
    }

    /// <summary>A string's byte count as <see cref="BinaryWriter.Write(string)"/> prefixes it: 7 bits a byte, low bits first.</summary>
    int ReadLength()
    {
        var length = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var part = Take(1)[0];
            length |= (part & 0x7F) << shift;
            if (part < 0x80)
                return length >= 0 ? length : throw new IOException("not a string length");
        }
        throw new IOException("not a string length");
    }

    ReadOnlySpan<byte> Take(int count)
    {
        if (count > bytes.Count - _position)
            throw new IOException("the bytes end early");
        var taken = bytes.AsSpan(_position, count);
        _position += count;
        return taken;
    }
}
