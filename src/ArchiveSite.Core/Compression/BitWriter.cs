using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArchiveSite.Compression;

/// <summary>
/// Deflate's bit order: values go in least significant bit first. Every write stores the whole 64-bit buffer
/// and moves on by the bytes it completed, so at most 7 bits wait in it and a write of up to 57 bits needs no
/// test for a full buffer. The output needs 8 bytes of room past the stream's end.
/// </summary>
internal struct BitWriter(byte[] output)
{
    ulong buffer;
    int count;
    int at;

    public readonly int Length => at;

    /// <summary>How many bits are written, the ones waiting in the buffer included.</summary>
    public readonly long BitLength => (long)at * 8 + count;

    /// <summary>Where an <see cref="Entry"/> keeps its bit count, above its value.</summary>
    public const int CountShift = 58;
    public const ulong ValueMask = (1UL << CountShift) - 1;

    /// <summary>Bits to write and how many, in one number for <see cref="Write(ulong)"/>: at most 57 bits.</summary>
    public static ulong Entry(ulong value, int bits) => value | (ulong)bits << CountShift;

    /// <summary>An <see cref="Entry"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ulong entry) => Write(entry & ValueMask, (int)(entry >> CountShift));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(int value, int bits) => Write((ulong)(uint)value, bits);

    /// <summary>The low <paramref name="bits"/> of <paramref name="value"/> (at most 57), the rest of it zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ulong value, int bits)
    {
        buffer |= value << count;
        count += bits;
        // One test for room, not the two of a span and a write into it: this runs once a symbol.
        if ((uint)at > (uint)(output.Length - sizeof(ulong)))
            throw new IndexOutOfRangeException();
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(output), at), BitConverter.IsLittleEndian ? buffer : BinaryPrimitives.ReverseEndianness(buffer));
        at += count >> 3;
        buffer >>= count & ~7;
        count &= 7;
    }

    public void AlignToByte()
    {
        // The partial byte is in the output already: the last write stored it.
        if (count > 0)
            at++;
        (buffer, count) = (0, 0);
    }

    /// <summary>A whole byte; only at a byte boundary.</summary>
    public void WriteByte(byte value) => output[at++] = value;

    /// <summary>Whole bytes; only at a byte boundary.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.AsSpan(at));
        at += bytes.Length;
    }
}
