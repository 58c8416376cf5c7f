using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static ArchiveSite.Compression.DeflateBlocks;

namespace ArchiveSite.Compression;

/// <summary>
/// Raw deflate (RFC 1951) for the download's text files, most of them a few KB: LZ77 with one candidate per
/// hash of four bytes, in a table sized to the file (cleared per file: a few KB for a small one, where zlib sets up
/// its whole state per stream), and each block with Huffman codes made for it (or fixed codes, or stored,
/// whichever is smallest). <c>bench zip</c> on the 1,000-transcript site's text (33,914 files, 168.7 MB, one
/// thread, load 4-6): 71.8 MB in 0.67-0.70 s, where zlib-ng gives 71.3 MB in 1.2 s at level 2 and 94.6 MB in
/// 0.55-0.6 s at level 1 (static codes).
/// </summary>
internal static class TextDeflater
{
    /// <summary>Matches are found by their first four bytes: a three-byte match saves little in text.</summary>
    const int HashBytes = 4;
    /// <summary>The hash table has about 2 entries a byte of the file, at most 2^15 (128 KB).</summary>
    const int MaxHashBits = 15;
    /// <summary>
    /// Matches shorter than this are checked against a match at the next position (one step of lazy matching):
    /// on the benchmark site's text 1.3 MB smaller for about 6% more time.
    /// </summary>
    const int LazyBelow = 32;
    /// <summary>
    /// A literal stretch tries a position every 1 + misses / 2^SkipShift bytes: <c>bench zip</c> measured 5 (71.8 MB)
    /// about as fast as 6 (71.5 MB); 4 gave 72.6 MB for 1-2% less time.
    /// </summary>
    const int SkipShift = 5;
    /// <summary>
    /// Tokens per block: codes fitted to a block of a few thousand symbols pay for their header; the biggest
    /// files (transcript pages of ~55 KB) fit in one or two blocks.
    /// </summary>
    const int BlockTokens = 1 << 15;

    /// <summary>The most bytes a literal stretch skips between positions it tries.</summary>
    const int MaxStep = 64;

    // A token: a literal byte, or a match as its length << LengthShift | distance code << CodeShift | the
    // distance's extra bits.
    const int LengthShift = 18, CodeShift = 13;

    // Each thread keeps its buffers from file to file; the hash table is cleared only as far as a file uses it.
    [ThreadStatic]
    static int[]? headBuffer;
    [ThreadStatic]
    static int[]? tokenBuffer;
    [ThreadStatic]
    static byte[]? outputBuffer;

    /// <summary>The distance code of distance - 1 below 256 at [distance - 1], else of (distance - 1) >> 7 at [256 + that].</summary>
    static readonly byte[] DistanceCodes = MakeDistanceCodes();

    /// <summary>RFC 1951's fixed codes, for blocks too small to pay for a header.</summary>
    static readonly byte[] FixedLiteralLengths = [.. Enumerable.Range(0, 288).Select(s => (byte)(s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8))];
    static readonly byte[] FixedDistanceLengths = [.. Enumerable.Repeat((byte)5, 30)];

    /// <summary><paramref name="data"/> as one raw deflate stream.</summary>
    /// <returns>The stream, valid until this thread's next call.</returns>
    public static ReadOnlySpan<byte> Deflate(ReadOnlySpan<byte> data)
    {
        // Each block costs at most its stored size (at most 6 bytes a piece of 65,535 past its bytes: the choice
        // counts it against the other two), plus the last block's dynamic header, written before that choice.
        var bound = data.Length + 6 * (data.Length / 65535 + data.Length / BlockTokens + 2) + 1024 + 8;
        if (outputBuffer is null || outputBuffer.Length < bound)
            outputBuffer = new byte[Math.Max(bound, 64 << 10)];
        var hashBits = Math.Clamp(BitOperations.Log2((uint)Math.Max(data.Length, 1)) + 1, 8, MaxHashBits);
        var head = (headBuffer ??= new int[1 << MaxHashBits]).AsSpan(0, 1 << hashBits);
        head.Clear();
        var tokens = tokenBuffer ??= new int[BlockTokens + MaxStep + HashBytes];

        var bits = new BitWriter(outputBuffer);
        Span<int> literalCounts = stackalloc int[LiteralSymbols];
        Span<int> distanceCounts = stackalloc int[DistanceSymbols];
        var at = 0;
        do
        {
            literalCounts.Clear();
            distanceCounts.Clear();
            var start = at;
            var count = Tokenize(data, ref at, head, 32 - hashBits, tokens, literalCounts, distanceCounts);
            WriteBlock(ref bits, data[start..at], tokens.AsSpan(0, count), literalCounts, distanceCounts, final: at == data.Length);
        }
        while (at < data.Length);
        bits.AlignToByte();
        return outputBuffer.AsSpan(0, bits.Length);
    }

    /// <summary>
    /// Matching from <paramref name="at"/> until the block's tokens are made or the data ends: at each position the
    /// last one with the same hash of four bytes is the only candidate; a match shorter than <see cref="LazyBelow"/>
    /// gives way to a longer one at the next position (a literal, then that match). The last two positions of a
    /// match go in the table too, the ones most likely to start the next repeat. Literal stretches with no match
    /// speed up (a position tried every few bytes), so incompressible data costs little.
    /// </summary>
    /// <returns>How many tokens; <paramref name="at"/> moved past them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Tokenize(ReadOnlySpan<byte> data, ref int at, Span<int> head, int hashShift, int[] tokenBuffer,
        Span<int> literalCounts, Span<int> distanceCounts)
    {
        // Unchecked: every position read is below hashEnd + 4 or the match's limit, every candidate at most
        // MaxDistance back, and the token buffer has room for MaxStep + HashBytes tokens past BlockTokens.
        ref var first = ref MemoryMarshal.GetReference(data);
        ref var heads = ref MemoryMarshal.GetReference(head);
        ref var tokens = ref MemoryMarshal.GetArrayDataReference(tokenBuffer);
        ref var literals = ref MemoryMarshal.GetReference(literalCounts);
        ref var distances = ref MemoryMarshal.GetReference(distanceCounts);
        ref var lengthSymbol = ref MemoryMarshal.GetArrayDataReference(LengthSymbol);
        ref var distanceCodes = ref MemoryMarshal.GetArrayDataReference(DistanceCodes);
        var pos = at;
        var end = data.Length;
        var hashEnd = end - HashBytes;
        var count = 0;
        var misses = 0;
        while (pos <= hashEnd && count < BlockTokens)
        {
            var bytes = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, pos));
            ref var slot = ref Unsafe.Add(ref heads, Hash(bytes, hashShift));
            var distance = pos - slot;
            slot = pos;
            if ((uint)(distance - 1) >= MaxDistance || Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, pos - distance)) != bytes)
            {
                // Past 32 misses in a row, a position is tried every 2, then 3... bytes, the skipped bytes literals.
                var step = Math.Min(1 + (misses++ >> SkipShift), MaxStep);
                for (var stop = Math.Min(pos + step, end); pos < stop; pos++)
                {
                    var literal = Unsafe.Add(ref first, pos);
                    Unsafe.Add(ref tokens, count++) = literal;
                    Unsafe.Add(ref literals, literal)++;
                }
                continue;
            }
            misses = 0;
            var length = MatchLength(ref first, pos - distance, pos, Math.Min(MaxMatch, end - pos));
            if (length < LazyBelow && pos < hashEnd)
            {
                var nextBytes = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, pos + 1));
                ref var nextSlot = ref Unsafe.Add(ref heads, Hash(nextBytes, hashShift));
                var nextDistance = pos + 1 - nextSlot;
                nextSlot = pos + 1;
                if ((uint)(nextDistance - 1) < MaxDistance && Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, pos + 1 - nextDistance)) == nextBytes)
                {
                    var nextLength = MatchLength(ref first, pos + 1 - nextDistance, pos + 1, Math.Min(MaxMatch, end - pos - 1));
                    if (nextLength > length)
                    {
                        var literal = Unsafe.Add(ref first, pos);
                        Unsafe.Add(ref tokens, count++) = literal;
                        Unsafe.Add(ref literals, literal)++;
                        (pos, length, distance) = (pos + 1, nextLength, nextDistance);
                    }
                }
            }
            var code = distance <= 256 ? Unsafe.Add(ref distanceCodes, distance - 1) : Unsafe.Add(ref distanceCodes, 256 + ((distance - 1) >> 7));
            Unsafe.Add(ref tokens, count++) = length << LengthShift | code << CodeShift | (distance - DistanceBase[code]);
            Unsafe.Add(ref literals, 257 + Unsafe.Add(ref lengthSymbol, length))++;
            Unsafe.Add(ref distances, code)++;
            pos += length;
            if (pos <= hashEnd)
            {
                Unsafe.Add(ref heads, Hash(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, pos - 2)), hashShift)) = pos - 2;
                Unsafe.Add(ref heads, Hash(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, pos - 1)), hashShift)) = pos - 1;
            }
        }
        // The last bytes, too few to hash, when the block did not end first.
        if (count < BlockTokens)
            for (; pos < end; pos++)
            {
                var literal = Unsafe.Add(ref first, pos);
                Unsafe.Add(ref tokens, count++) = literal;
                Unsafe.Add(ref literals, literal)++;
            }
        at = pos;
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Hash(uint bytes, int hashShift) => (int)((bytes * 0x9E3779B1u) >> hashShift);

    /// <summary>How long the match of the bytes at <paramref name="from"/> and <paramref name="to"/> is, whose first four are equal; at most <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int MatchLength(ref byte first, int from, int to, int limit)
    {
        var length = HashBytes;
        while (length + 8 <= limit)
        {
            var difference = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, from + length))
                ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, to + length));
            if (difference != 0)
                return length + (BitOperations.TrailingZeroCount(difference) >> 3);
            length += 8;
        }
        while (length < limit && Unsafe.Add(ref first, from + length) == Unsafe.Add(ref first, to + length))
            length++;
        return length;
    }

    /// <summary>
    /// One block of <paramref name="tokens"/> (made from <paramref name="data"/>): with its own Huffman codes, with
    /// the fixed codes, or stored, whichever is smallest. The dynamic header is written first and measured; another
    /// choice rewinds the writer to before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void WriteBlock(ref BitWriter bits, ReadOnlySpan<byte> data, ReadOnlySpan<int> tokens, Span<int> literalCounts, Span<int> distanceCounts, bool final)
    {
        literalCounts[EndOfBlock] = 1;
        var fixedBits = 3 + SymbolBits(literalCounts, FixedLiteralLengths, distanceCounts, FixedDistanceLengths);
        var storedBits = StoredBits(bits.BitLength, data.Length);

        WithTwoCodesAtLeast(literalCounts);
        WithTwoCodesAtLeast(distanceCounts);
        Span<byte> literalLengths = stackalloc byte[LiteralSymbols];
        Span<byte> distanceLengths = stackalloc byte[DistanceSymbols];
        HuffmanLengths(literalCounts, literalLengths, 15);
        HuffmanLengths(distanceCounts, distanceLengths, 15);

        var before = bits;
        bits.Write(final ? 1 : 0, 1);
        bits.Write(2, 2);
        WriteCodeLengths(ref bits, literalLengths, distanceLengths);
        var dynamicBits = bits.BitLength - before.BitLength + SymbolBits(literalCounts, literalLengths, distanceCounts, distanceLengths);
        if (dynamicBits <= fixedBits && dynamicBits <= storedBits)
        {
            WriteTokens(ref bits, tokens, literalLengths, distanceLengths);
            return;
        }
        bits = before;
        if (fixedBits <= storedBits)
        {
            bits.Write(final ? 1 : 0, 1);
            bits.Write(1, 2);
            WriteTokens(ref bits, tokens, FixedLiteralLengths, FixedDistanceLengths);
        }
        else
            WriteStored(ref bits, data, final);
    }

    /// <summary>The tokens in the given codes, then the end of the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void WriteTokens(ref BitWriter output, ReadOnlySpan<int> tokens, ReadOnlySpan<byte> literalLengths, ReadOnlySpan<byte> distanceLengths)
    {
        Span<ushort> literalCodes = stackalloc ushort[literalLengths.Length];
        Span<ushort> distanceCodes = stackalloc ushort[DistanceSymbols];
        CanonicalCodes(literalLengths, literalCodes);
        CanonicalCodes(distanceLengths[..DistanceSymbols], distanceCodes);
        // A literal's code, and a match's length code with its extra bits, as one entry each; a distance code with
        // its bit count, to add its extra bits to.
        Span<ulong> literals = stackalloc ulong[256];
        for (var value = 0; value < 256; value++)
            literals[value] = BitWriter.Entry(literalCodes[value], literalLengths[value]);
        Span<ulong> lengths = stackalloc ulong[MaxMatch + 1];
        for (var length = MinMatch; length <= MaxMatch; length++)
        {
            var symbol = LengthSymbol[length];
            var codeLength = literalLengths[257 + symbol];
            lengths[length] = BitWriter.Entry((ulong)(literalCodes[257 + symbol] | (length - LengthBase[symbol]) << codeLength), codeLength + LengthExtra[symbol]);
        }
        Span<(ulong Code, int CodeBits, int Bits)> distances = stackalloc (ulong, int, int)[DistanceSymbols];
        for (var code = 0; code < DistanceSymbols; code++)
            distances[code] = (distanceCodes[code], distanceLengths[code], distanceLengths[code] + DistanceExtra[code]);

        // A copy in registers, not the writer behind the reference.
        var bits = output;
        ref var literalEntries = ref MemoryMarshal.GetReference(literals);
        ref var lengthEntries = ref MemoryMarshal.GetReference(lengths);
        ref var distanceEntries = ref MemoryMarshal.GetReference(distances);
        foreach (var token in tokens)
        {
            if (token < 256)
            {
                bits.Write(Unsafe.Add(ref literalEntries, token));
                continue;
            }
            // Tokens made by Tokenize: a length of at most MaxMatch, a distance code below 30.
            var lengthEntry = Unsafe.Add(ref lengthEntries, token >> LengthShift);
            var lengthBits = (int)(lengthEntry >> BitWriter.CountShift);
            var distance = Unsafe.Add(ref distanceEntries, (token >> CodeShift) & 31);
            var distanceValue = distance.Code | (ulong)(uint)(token & ((1 << CodeShift) - 1)) << distance.CodeBits;
            bits.Write((lengthEntry & BitWriter.ValueMask) | distanceValue << lengthBits, lengthBits + distance.Bits);
        }
        bits.Write(literalCodes[EndOfBlock], literalLengths[EndOfBlock]);
        output = bits;
    }

    /// <summary>Stored blocks of at most 65,535 bytes each, the last one final if the block is.</summary>
    static void WriteStored(ref BitWriter bits, ReadOnlySpan<byte> data, bool final)
    {
        Span<byte> lengths = stackalloc byte[4];
        do
        {
            var piece = data[..Math.Min(data.Length, 65535)];
            data = data[piece.Length..];
            bits.Write(final && data.IsEmpty ? 1 : 0, 3);
            bits.AlignToByte();
            BinaryPrimitives.WriteUInt16LittleEndian(lengths, (ushort)piece.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(lengths[2..], (ushort)~piece.Length);
            bits.WriteBytes(lengths);
            bits.WriteBytes(piece);
        }
        while (!data.IsEmpty);
    }

    /// <summary>What <see cref="WriteStored"/> writes from bit <paramref name="at"/> on.</summary>
    static long StoredBits(long at, int length)
    {
        var total = 0L;
        do
        {
            var piece = Math.Min(length, 65535);
            length -= piece;
            var header = at + 3;
            var next = (header + 7) / 8 * 8 + 32 + 8L * piece;
            total += next - at;
            at = next;
        }
        while (length > 0);
        return total;
    }

    static byte[] MakeDistanceCodes()
    {
        var codes = new byte[512];
        for (var i = 0; i < 256; i++)
            codes[i] = (byte)DistanceCode(i + 1);
        for (var i = 0; i < 256; i++)
            codes[256 + i] = (byte)DistanceCode((i << 7) + 1);
        return codes;
    }
}
