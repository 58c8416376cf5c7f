using System.Runtime.CompilerServices;

namespace ArchiveSite.Compression;

/// <summary>
/// What every deflate (RFC 1951) block with dynamic Huffman codes needs, whatever finds its matches: the length and
/// distance tables, Huffman code lengths limited to 15 bits, canonical codes, and the block header that sends the
/// code lengths. Shared by <see cref="Cards.RowDeflater"/> (card rows) and <see cref="TextDeflater"/> (the download's text).
/// </summary>
internal static class DeflateBlocks
{
    public const int MinMatch = 3;
    public const int MaxMatch = 258;
    public const int MaxDistance = 32768;
    public const int EndOfBlock = 256;
    /// <summary>Literals, end of block and the 29 length codes; and the distance codes.</summary>
    public const int LiteralSymbols = 286, DistanceSymbols = 30;

    public static readonly int[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    public static readonly int[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    public static readonly int[] DistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    public static readonly int[] DistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    // The order RFC 1951 sends the code length code's lengths in.
    static readonly int[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    /// <summary>The length code (from 0, for symbol 257) of each match length.</summary>
    public static readonly byte[] LengthSymbol = LengthSymbols();

    /// <summary>
    /// The bits of a block's symbols, each counted at its code's length and extra bits (the block's header not
    /// included); symbols with a count need a code.
    /// </summary>
    public static long SymbolBits(ReadOnlySpan<int> literalCounts, ReadOnlySpan<byte> literalLengths, ReadOnlySpan<int> distanceCounts, ReadOnlySpan<byte> distanceLengths)
    {
        long bits = 0;
        for (var symbol = 0; symbol < literalCounts.Length; symbol++)
            bits += (long)literalCounts[symbol] * (literalLengths[symbol] + (symbol > EndOfBlock ? LengthExtra[symbol - 257] : 0));
        for (var symbol = 0; symbol < distanceCounts.Length; symbol++)
            bits += (long)distanceCounts[symbol] * (distanceLengths[symbol] + DistanceExtra[symbol]);
        return bits;
    }

    /// <summary>The code length code: runs of equal lengths as codes 16 (repeat), 17 and 18 (zeros), RFC 1951 3.2.7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteCodeLengths(ref BitWriter bits, ReadOnlySpan<byte> literalLengths, ReadOnlySpan<byte> distanceLengths)
    {
        var literalCount = Math.Max(257, literalLengths.LastIndexOfAnyExcept((byte)0) + 1);
        var distanceCount = Math.Max(1, distanceLengths.LastIndexOfAnyExcept((byte)0) + 1);
        Span<byte> lengths = stackalloc byte[literalCount + distanceCount];
        literalLengths[..literalCount].CopyTo(lengths);
        distanceLengths[..distanceCount].CopyTo(lengths[literalCount..]);

        // Symbol and extra bits value of each code length code, packed as symbol | value << 8.
        Span<int> codes = stackalloc int[lengths.Length];
        Span<int> counts = stackalloc int[19];
        counts.Clear();
        var codeCount = 0;
        for (var i = 0; i < lengths.Length;)
        {
            var length = lengths[i];
            var repeat = lengths[i..].IndexOfAnyExcept(length);
            if (repeat < 0)
                repeat = lengths.Length - i;
            i += repeat;
            if (length == 0)
            {
                for (; repeat >= 11; repeat -= Math.Min(repeat, 138))
                    codes[codeCount++] = 18 | (Math.Min(repeat, 138) - 11) << 8;
                if (repeat >= 3)
                    (codes[codeCount++], repeat) = (17 | (repeat - 3) << 8, 0);
            }
            else
            {
                codes[codeCount++] = length;
                repeat--;
                for (; repeat >= 3; repeat -= Math.Min(repeat, 6))
                    codes[codeCount++] = 16 | (Math.Min(repeat, 6) - 3) << 8;
            }
            for (; repeat > 0; repeat--)
                codes[codeCount++] = length;
        }
        foreach (var code in codes[..codeCount])
            counts[code & 0xFF]++;
        WithTwoCodesAtLeast(counts);

        Span<byte> codeLengths = stackalloc byte[19];
        Span<ushort> codeCodes = stackalloc ushort[19];
        HuffmanLengths(counts, codeLengths, 7);
        CanonicalCodes(codeLengths, codeCodes);
        var sent = 19;
        while (sent > 4 && codeLengths[CodeLengthOrder[sent - 1]] == 0)
            sent--;

        bits.Write(literalCount - 257, 5);
        bits.Write(distanceCount - 1, 5);
        bits.Write(sent - 4, 4);
        for (var i = 0; i < sent; i++)
            bits.Write(codeLengths[CodeLengthOrder[i]], 3);
        foreach (var code in codes[..codeCount])
        {
            var symbol = code & 0xFF;
            bits.Write(codeCodes[symbol], codeLengths[symbol]);
            if (symbol >= 16)
                bits.Write(code >> 8, symbol switch { 16 => 2, 17 => 3, _ => 7 });
        }
    }

    /// <summary>
    /// Gives one or two more symbols a count when fewer than two have one, so that the code made from
    /// <paramref name="counts"/> is a complete Huffman code, which inflaters require.
    /// </summary>
    public static void WithTwoCodesAtLeast(Span<int> counts)
    {
        var first = counts.IndexOfAnyExcept(0);
        if (first < 0)
            counts[0] = counts[1] = 1;
        else if (counts[(first + 1)..].IndexOfAnyExcept(0) < 0)
            counts[first == 0 ? 1 : 0] = 1;
    }

    /// <summary>
    /// Huffman code lengths for <paramref name="counts"/> (at least two non-zero), none longer than
    /// <paramref name="limit"/>: when the tree is too deep, the counts are halved (keeping them non-zero) and it
    /// is built again, which flattens it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HuffmanLengths(ReadOnlySpan<int> counts, Span<byte> lengths, int limit)
    {
        // On the stack: an alphabet has at most 286 symbols, so a tree at most 571 nodes, and this runs three times a block.
        Span<long> weights = stackalloc long[counts.Length];
        var leaves = 0;
        for (var symbol = 0; symbol < counts.Length; symbol++)
            if (counts[symbol] > 0)
                weights[leaves++] = (long)counts[symbol] << 16 | (uint)symbol;
        // Weight in the high bits, symbol in the low: sorted, leaves come by weight, then symbol, so the code is deterministic.
        var leafKeys = weights[..leaves];
        Span<long> weight = stackalloc long[2 * leaves - 1];
        Span<int> parent = stackalloc int[2 * leaves - 1];
        Span<int> depth = stackalloc int[2 * leaves - 1];
        while (true)
        {
            leafKeys.Sort();
            for (var i = 0; i < leaves; i++)
                weight[i] = leafKeys[i] >> 16;
            // The two-queue method: leaves in order, and the nodes made from them, which come in order too.
            int nextLeaf = 0, nextNode = leaves;
            for (var node = leaves; node < weight.Length; node++)
            {
                var a = nextLeaf < leaves && (nextNode >= node || weight[nextLeaf] <= weight[nextNode]) ? nextLeaf++ : nextNode++;
                var b = nextLeaf < leaves && (nextNode >= node || weight[nextLeaf] <= weight[nextNode]) ? nextLeaf++ : nextNode++;
                (weight[node], parent[a], parent[b]) = (weight[a] + weight[b], node, node);
            }
            depth[^1] = 0;
            var deepest = 0;
            for (var node = weight.Length - 2; node >= 0; node--)
                deepest = Math.Max(deepest, depth[node] = depth[parent[node]] + 1);
            if (deepest <= limit)
            {
                lengths.Clear();
                for (var i = 0; i < leaves; i++)
                    lengths[(int)(leafKeys[i] & 0xFFFF)] = (byte)depth[i];
                return;
            }
            for (var i = 0; i < leaves; i++)
                leafKeys[i] = ((leafKeys[i] >> 17 | 1) << 16) | (leafKeys[i] & 0xFFFF);
        }
    }

    /// <summary>RFC 1951's canonical codes for <paramref name="lengths"/>, bit-reversed as deflate sends them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CanonicalCodes(ReadOnlySpan<byte> lengths, Span<ushort> codes)
    {
        Span<int> perLength = stackalloc int[16];
        perLength.Clear();
        foreach (var length in lengths)
            perLength[length]++;
        perLength[0] = 0;
        Span<int> next = stackalloc int[16];
        var code = 0;
        for (var bits = 1; bits < 16; bits++)
            next[bits] = code = (code + perLength[bits - 1]) << 1;
        for (var symbol = 0; symbol < lengths.Length; symbol++)
        {
            var length = lengths[symbol];
            codes[symbol] = length == 0 ? (ushort)0 : (ushort)(Reverse16((uint)next[length]++) >> (16 - length));
        }
    }

    /// <summary>The low 16 bits of <paramref name="value"/> in reverse order: halves, then quarters... swapped.</summary>
    static uint Reverse16(uint value)
    {
        value = (value >> 1 & 0x5555) | (value & 0x5555) << 1;
        value = (value >> 2 & 0x3333) | (value & 0x3333) << 2;
        value = (value >> 4 & 0x0F0F) | (value & 0x0F0F) << 4;
        return (value >> 8 & 0x00FF) | (value & 0x00FF) << 8;
    }

    /// <summary>The distance code whose range holds <paramref name="distance"/>.</summary>
    public static int DistanceCode(int distance)
    {
        var code = DistanceBase.Length - 1;
        while (DistanceBase[code] > distance)
            code--;
        return code;
    }

    static byte[] LengthSymbols()
    {
        var symbols = new byte[MaxMatch + 1];
        for (var length = MinMatch; length <= MaxMatch; length++)
        {
            var symbol = LengthBase.Length - 1;
            while (LengthBase[symbol] > length)
                symbol--;
            symbols[length] = (byte)symbol;
        }
        return symbols;
    }
}
