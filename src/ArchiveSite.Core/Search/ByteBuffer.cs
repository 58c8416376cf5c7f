namespace ArchiveSite.Search;

/// <summary>
/// A growable buffer of bytes, as <see cref="System.Buffers.ArrayBufferWriter{T}"/> but with arrays that are not
/// cleared first: the shard writer fills tens of MB of them and reads only what it wrote, and clearing them was a
/// tenth of its time.
/// </summary>
sealed class ByteBuffer(int capacity)
{
    byte[] bytes = GC.AllocateUninitializedArray<byte>(Math.Max(capacity, 256));

    public int WrittenCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => bytes.AsSpan(0, WrittenCount);

    /// <summary>Room for at least <paramref name="size"/> bytes after those written; <see cref="Advance"/> says how many were used.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (bytes.Length - WrittenCount < size)
        {
            var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(2L * bytes.Length, (long)WrittenCount + size)));
            WrittenSpan.CopyTo(grown);
            bytes = grown;
        }
        return bytes.AsSpan(WrittenCount);
    }

    public void Advance(int count) => WrittenCount += count;

    public void Write(ReadOnlySpan<byte> value)
    {
        value.CopyTo(GetSpan(value.Length));
        WrittenCount += value.Length;
    }

    /// <summary>Forgets what was written, keeping the array for what comes next.</summary>
    public void Clear() => WrittenCount = 0;
}
