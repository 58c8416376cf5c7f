using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ArchiveSite.Compression;
using static ArchiveSite.Compression.DeflateBlocks;

namespace ArchiveSite.Cards;

/// <summary>
/// A zlib stream (RFC 1950 around one RFC 1951 block) of PNG rows, made for cards: a card is long runs of one
/// palette index, and text rows that mostly repeat the row above. So this looks for two matches only, a run
/// of the byte before (distance 1) and the bytes of the row above (distance one row), both measured with
/// vectorised compares, where zlib hashes every position; the block's Huffman codes are made for the card.
/// Measured on cards (`bench card-png`): smaller than zlib's fastest level, and faster.
/// </summary>
internal static class RowDeflater
{
    // A token is its entry in the writing table: a literal byte, else a run's length from RunTokens on, else a
    // match with the row above's length from RowTokens on.
    const int RunTokens = 256;
    const int RowTokens = RunTokens + MaxMatch + 1;
    const int TokenKinds = RowTokens + MaxMatch + 1;

    // Each thread keeps its token and output buffers from card to card, sized to what a card needs (a card is
    // about 50,000 tokens and 45 KB): sized for the worst case, each thread would take 4.5 MB of fresh memory.
    [ThreadStatic]
    static int[]? tokenBuffer;
    [ThreadStatic]
    static byte[]? outputBuffer;

    /// <summary>Compresses <paramref name="data"/>, rows of <paramref name="rowLength"/> bytes.</summary>
    /// <returns>The zlib stream, valid until this thread's next call.</returns>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> data, int rowLength)
    {
        tokenBuffer ??= new int[Math.Max(1024, data.Length / 8)];
        Span<int> literalCounts = stackalloc int[286];
        Span<int> distanceCounts = stackalloc int[30];
        literalCounts.Clear();
        distanceCounts.Clear();
        var rowDistance = rowLength <= MaxDistance ? rowLength : 0;
        var rowCode = rowDistance > 0 ? DistanceCode(rowDistance) : 0;
        var tokenCount = Tokenize(data, rowDistance, ref tokenBuffer, literalCounts, distanceCounts, rowCode);
        var tokens = tokenBuffer.AsSpan(0, tokenCount);

        literalCounts[EndOfBlock] = 1;
        // Two codes at least in each alphabet, so that every code is a complete Huffman code, which inflaters require.
        distanceCounts[0] = Math.Max(distanceCounts[0], 1);
        if (distanceCounts.IndexOfAnyExcept(0) == 0 && distanceCounts[1..].IndexOfAnyExcept(0) < 0)
            distanceCounts[1] = 1;
        literalCounts[0] = Math.Max(literalCounts[0], 1);

        Span<byte> literalLengths = stackalloc byte[286];
        Span<byte> distanceLengths = stackalloc byte[30];
        HuffmanLengths(literalCounts, literalLengths, 15);
        HuffmanLengths(distanceCounts, distanceLengths, 15);
        Span<ushort> literalCodes = stackalloc ushort[286];
        Span<ushort> distanceCodes = stackalloc ushort[30];
        CanonicalCodes(literalLengths, literalCodes);
        CanonicalCodes(distanceLengths, distanceCodes);

        var size = StreamSizeBound(literalCounts, literalLengths, distanceCounts, distanceLengths);
        if (outputBuffer is null || outputBuffer.Length < size)
            outputBuffer = new byte[size];
        var bits = new BitWriter(outputBuffer);
        bits.WriteByte(0x78); // deflate, 32 KB window
        bits.WriteByte(0x01); // no dictionary, fastest level; makes the header a multiple of 31
        bits.Write(1 | 2 << 1, 3); // the final block, with dynamic Huffman codes
        WriteCodeLengths(ref bits, literalLengths, distanceLengths);

        // What each token writes as one entry: a literal's code, or a match's length code, extra bits, distance
        // code and extra bits (at most 48 bits).
        Span<ulong> entries = stackalloc ulong[TokenKinds];
        for (var value = 0; value < 256; value++)
            entries[value] = BitWriter.Entry(literalCodes[value], literalLengths[value]);
        var runDistance = (Value: (ulong)distanceCodes[0], Bits: (int)distanceLengths[0]);
        // No row distance (rows too long to reach back): no token uses it.
        var rowDistanceBits = rowDistance == 0 ? (Value: 0UL, Bits: 0)
            : (Value: (ulong)(distanceCodes[rowCode] | (rowDistance - DistanceBase[rowCode]) << distanceLengths[rowCode]),
                Bits: distanceLengths[rowCode] + DistanceExtra[rowCode]);
        for (var length = MinMatch; length <= MaxMatch; length++)
        {
            var symbol = LengthSymbol[length];
            var codeLength = literalLengths[257 + symbol];
            var lengthValue = (ulong)(literalCodes[257 + symbol] | (length - LengthBase[symbol]) << codeLength);
            var lengthBits = codeLength + LengthExtra[symbol];
            entries[RunTokens + length] = BitWriter.Entry(lengthValue | runDistance.Value << lengthBits, lengthBits + runDistance.Bits);
            entries[RowTokens + length] = BitWriter.Entry(lengthValue | rowDistanceBits.Value << lengthBits, lengthBits + rowDistanceBits.Bits);
        }
        // A copy: the writer passed by reference above stays in memory, this one in registers.
        bits = WriteTokens(bits, tokens, entries);
        bits.Write(literalCodes[EndOfBlock], literalLengths[EndOfBlock]);
        bits.AlignToByte();
        var adler = Adler32.HashToUInt32(data);
        for (var shift = 24; shift >= 0; shift -= 8)
            bits.WriteByte((byte)(adler >> shift));
        return outputBuffer.AsSpan(0, bits.Length);
    }

    /// <summary>Each token one entry, a match's length and distance together: one table look-up and one write a token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static BitWriter WriteTokens(BitWriter bits, ReadOnlySpan<int> tokens, ReadOnlySpan<ulong> entries)
    {
        foreach (var token in tokens)
            bits.Write(entries[token]);
        return bits;
    }

    /// <summary>
    /// Greedy matching: at each position the longer of the run of the byte before and the match with the row
    /// above, else a literal. A token is its entry in the writing table: a literal byte, or a match's length
    /// above <see cref="RunTokens"/> or <see cref="RowTokens"/>. Bit masks of the positions equal to the
    /// byte before and to the byte a row above, made with vector compares, give every match's length by counting
    /// bits, and the stretches of literals between matches without testing each of their bytes.
    /// </summary>
    /// <returns>How many tokens.</returns>
    static int Tokenize(ReadOnlySpan<byte> data, int rowDistance, ref int[] tokens, Span<int> literalCounts, Span<int> distanceCounts, int rowCode)
    {
        // Two words past the data, always zero, so that counting bits never reads past the end.
        var words = (data.Length + 63) / 64 + 2;
        if (sameBuffer is null || sameBuffer.Length < words)
            (sameBuffer, upBuffer, startBuffer) = (new ulong[words], new ulong[words], new ulong[words]);
        var same = sameBuffer.AsSpan(0, words);
        var up = upBuffer!.AsSpan(0, words);
        var starts = startBuffer!.AsSpan(0, words);
        EqualityMasks(data, rowDistance, same, up, starts);

        var count = 0;
        var at = 0;
        // A local, not the parameter: written through a reference, each token would reload the array.
        var output = tokens;
        while (true)
        {
            // The three masks' bits from here, loaded together: where the next match starts, and most often the
            // bits that measure it too, without waiting for its start to load them.
            var (startBits, sameBits, upBits) = (Window(starts, at), Window(same, at), Window(up, at));
            var skip = BitOperations.TrailingZeroCount(startBits);
            var next = skip < 64 ? Math.Min(at + skip, data.Length) : NextSetBitAfterWindow(starts, at + 64, data.Length);
            // Room for the literals and the match after them, and for a whole vector of literals (a long run's
            // pieces make their own room).
            if (count + (next - at) + LiteralLanes + 1 > output.Length)
                Array.Resize(ref output, Math.Max(2 * output.Length, count + (next - at) + LiteralLanes + 1));
            count = WriteLiterals(data, at, next, output, count);
            at = next;
            if (at == data.Length)
                break;
            // Bits of the windows past the match's start: the match's lengths when shorter than what is left of them.
            var known = 64 - skip;
            var run = skip < 64 ? BitOperations.TrailingZeroCount(~(sameBits >> skip)) : known;
            if (run >= known)
                run = OnesFrom(same, at, int.MaxValue);
            if (run > MaxMatch)
            {
                at += run;
                if (count + run / MinMatch > output.Length)
                    Array.Resize(ref output, Math.Max(2 * output.Length, count + run / MinMatch));
                // Pieces of at most 258, none shorter than 3.
                while (run > 0)
                {
                    var piece = run > MaxMatch ? MaxMatch : run;
                    if (run - piece is 1 or 2)
                        piece = run - MinMatch;
                    output[count++] = RunTokens + piece;
                    run -= piece;
                }
                continue;
            }
            // The longer of the two, the run on a tie; a run shorter than three is none. Chosen without branches:
            // which one wins follows the picture, and a mispredicted branch a match cost more than the rest of it.
            var upLength = skip < 64 ? BitOperations.TrailingZeroCount(~(upBits >> skip)) : known;
            upLength = upLength < known ? upLength : OnesFrom(up, at, MaxMatch);
            var isRun = run >= MinMatch && run >= upLength;
            var length = isRun ? run : upLength;
            output[count++] = (isRun ? RunTokens : RowTokens) + length;
            at += length;
        }
        tokens = output;
        CountSymbols(output.AsSpan(0, count), literalCounts, distanceCounts, rowCode);
        return count;
    }

    /// <summary>Literals written a vector at a time: the tokens of one stretch, and maybe more past it (overwritten later).</summary>
    const int LiteralLanes = 16;

    /// <summary>
    /// The literal tokens of data[<paramref name="at"/>..<paramref name="end"/>]. Most stretches between matches
    /// are a few bytes: one vector of them, widened to tokens, takes no branch on their number; the tokens written
    /// past the stretch are overwritten by the next ones.
    /// </summary>
    /// <returns>The token count after them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int WriteLiterals(ReadOnlySpan<byte> data, int at, int end, int[] output, int count)
    {
        ref var first = ref MemoryMarshal.GetReference(data);
        ref var tokens = ref MemoryMarshal.GetArrayDataReference(output);
        for (; at + LiteralLanes <= data.Length && at < end; at += LiteralLanes)
        {
            var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref first, (nuint)at));
            var (a, b) = Vector128.Widen(low);
            var (c, d) = Vector128.Widen(high);
            var to = (nuint)count;
            a.AsInt32().StoreUnsafe(ref tokens, to);
            b.AsInt32().StoreUnsafe(ref tokens, to + 4);
            c.AsInt32().StoreUnsafe(ref tokens, to + 8);
            d.AsInt32().StoreUnsafe(ref tokens, to + 12);
            count += Math.Min(LiteralLanes, end - at);
        }
        for (; at < end; at++)
            output[count++] = data[at];
        return count;
    }

    /// <summary>The symbols' counts (literals, lengths, the two distances), from the tokens, counted once they are all made.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void CountSymbols(ReadOnlySpan<int> tokens, Span<int> literalCounts, Span<int> distanceCounts, int rowCode)
    {
        Span<int> tokenCounts = stackalloc int[TokenKinds];
        tokenCounts.Clear();
        foreach (var token in tokens)
            tokenCounts[token]++;
        for (var value = 0; value < 256; value++)
            literalCounts[value] += tokenCounts[value];
        for (var length = MinMatch; length <= MaxMatch; length++)
        {
            var (runs, rows) = (tokenCounts[RunTokens + length], tokenCounts[RowTokens + length]);
            literalCounts[257 + LengthSymbol[length]] += runs + rows;
            distanceCounts[0] += runs;
            distanceCounts[rowCode] += rows;
        }
    }

    [ThreadStatic]
    static ulong[]? sameBuffer, upBuffer, startBuffer;

    /// <summary>
    /// Bit i of <paramref name="same"/> set when data[i] equals data[i - 1], of <paramref name="up"/> when it equals
    /// data[i - rowDistance] (none for a distance of 0), and of <paramref name="starts"/> where a match starts.
    /// One pass over the data: it is a card's 756 KB, read once for both masks instead of once each.
    /// </summary>
    static void EqualityMasks(ReadOnlySpan<byte> data, int rowDistance, Span<ulong> same, Span<ulong> up, Span<ulong> starts)
    {
        var words = (data.Length + 63) / 64;
        // The words from 1 whose 64 bytes lie in the data and reach a row back: the vector loop's.
        var firstVector = rowDistance > 0 ? Math.Max(1, (rowDistance + 63) / 64) : words;
        var endVector = Math.Max(firstVector, data.Length / 64);
        for (var w = 0; w < Math.Min(firstVector, words); w++)
            (same[w], up[w]) = (ScalarMask(data, w, 1), ScalarMask(data, w, rowDistance));
        ref var first = ref MemoryMarshal.GetReference(data);
        for (var w = firstVector; w < endVector; w++)
        {
            var here = (nuint)(w * 64);
            if (Vector512.IsHardwareAccelerated)
            {
                var bytes = Vector512.LoadUnsafe(ref first, here);
                same[w] = Vector512.Equals(bytes, Vector512.LoadUnsafe(ref first, here - 1)).ExtractMostSignificantBits();
                up[w] = Vector512.Equals(bytes, Vector512.LoadUnsafe(ref first, here - (nuint)rowDistance)).ExtractMostSignificantBits();
            }
            else
            {
                same[w] = HalvesEqual(ref first, here, here - 1);
                up[w] = HalvesEqual(ref first, here, here - (nuint)rowDistance);
            }
            starts[w - 1] = ThreeInARow(same, w - 1) | ThreeInARow(up, w - 1);
        }
        for (var w = endVector; w < words; w++)
            (same[w], up[w]) = (ScalarMask(data, w, 1), ScalarMask(data, w, rowDistance));
        same[words..].Clear();
        up[words..].Clear();
        starts[words..].Clear();
        // The starts the vector loop did not reach (it sets each word's once the next word is known).
        for (var w = 0; w < words; w++)
            if (w < firstVector - 1 || w >= endVector - 1)
                starts[w] = ThreeInARow(same, w) | ThreeInARow(up, w);
    }

    static ulong HalvesEqual(ref byte first, nuint here, nuint back) =>
        Vector256.Equals(Vector256.LoadUnsafe(ref first, here), Vector256.LoadUnsafe(ref first, back)).ExtractMostSignificantBits()
        | (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref first, here + 32), Vector256.LoadUnsafe(ref first, back + 32)).ExtractMostSignificantBits() << 32;

    /// <summary>Word <paramref name="w"/> of the mask of bytes equal to the byte <paramref name="distance"/> back, a byte at a time.</summary>
    static ulong ScalarMask(ReadOnlySpan<byte> data, int w, int distance)
    {
        if (distance <= 0)
            return 0;
        var start = w * 64;
        var bits = 0UL;
        for (var i = Math.Max(start, distance); i < Math.Min(start + 64, data.Length); i++)
            if (data[i] == data[i - distance])
                bits |= 1UL << (i - start);
        return bits;
    }

    /// <summary>The positions of word <paramref name="w"/> whose bit and the next two are all set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong ThreeInARow(ReadOnlySpan<ulong> mask, int w)
    {
        var (word, next) = (mask[w], mask[w + 1]);
        return word & (word >> 1 | next << 63) & (word >> 2 | next << 62);
    }

    /// <summary>
    /// The 64 bits of <paramref name="mask"/> from bit <paramref name="at"/> on, its word and the next one joined:
    /// most matches and stretches of literals end within them, and a test of one word's end would fail as often
    /// as it passed. (Shifted in two steps: a shift by 64 would shift by none.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Window(ReadOnlySpan<ulong> mask, int at)
    {
        var (w, bit) = (at >> 6, at & 63);
        return mask[w] >> bit | mask[w + 1] << 1 << (63 - bit);
    }

    /// <summary>How many bits in a row are set from bit <paramref name="at"/> on, at most <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int OnesFrom(ReadOnlySpan<ulong> mask, int at, int limit)
    {
        var ones = BitOperations.TrailingZeroCount(~Window(mask, at));
        return ones < 64 ? Math.Min(ones, limit) : LongOnesFrom(mask, at + 64, 64, limit);
    }

    /// <summary><see cref="OnesFrom"/> past the window, word by word: <paramref name="count"/> ones so far.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    static int LongOnesFrom(ReadOnlySpan<ulong> mask, int at, int count, int limit)
    {
        while (count < limit)
        {
            var ones = BitOperations.TrailingZeroCount(~Window(mask, at));
            if (ones < 64)
                return Math.Min(count + ones, limit);
            (at, count) = (at + 64, count + 64);
        }
        return limit;
    }

    /// <summary>The first set bit at or after <paramref name="at"/>, or <paramref name="end"/> when there is none before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int NextSetBit(ReadOnlySpan<ulong> mask, int at, int end)
    {
        var window = Window(mask, at);
        return window != 0 ? Math.Min(at + BitOperations.TrailingZeroCount(window), end) : NextSetBitAfterWindow(mask, at + 64, end);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int NextSetBitAfterWindow(ReadOnlySpan<ulong> mask, int at, int end)
    {
        if (at >= end)
            return end;
        var w = at >> 6;
        var word = mask[w] & (ulong.MaxValue << (at & 63));
        while (word == 0)
        {
            if (++w * 64 >= end)
                return end;
            word = mask[w];
        }
        return Math.Min(w * 64 + BitOperations.TrailingZeroCount(word), end);
    }

    /// <summary>What the <see cref="BitWriter"/> stores past the bits it wrote.</summary>
    const int BitWriterRoom = 8;

    /// <summary>
    /// Bytes enough for the stream: the zlib header and checksum, the block's header (under 1 KB: 19 code length
    /// lengths of 3 bits, 316 code lengths of at most 7 + 7 bits), and each symbol counted at its code's length
    /// and extra bits.
    /// </summary>
    static int StreamSizeBound(ReadOnlySpan<int> literalCounts, ReadOnlySpan<byte> literalLengths, ReadOnlySpan<int> distanceCounts, ReadOnlySpan<byte> distanceLengths)
    {
        var bits = SymbolBits(literalCounts, literalLengths, distanceCounts, distanceLengths);
        return (int)(bits / 8) + 2 + 1024 + 4 + 8 + BitWriterRoom;
    }
}
