namespace ArchiveSite.Tests.Compression;

/// <summary>Inputs that test what every deflater shares (<c>DeflateBlocks</c>).</summary>
static class DeflateTestData
{
    /// <summary>Byte b (times 9) occurs 2^b times for b below 20, shuffled: an unlimited Huffman code would be 19 bits deep.</summary>
    public static byte[] SkewedCounts()
    {
        var data = new List<byte>();
        for (var b = 0; b < 20; b++)
            for (var i = 0; i < 1 << b; i++)
                data.Add((byte)(b * 9));
        var random = new Random(1);
        return [.. data.OrderBy(_ => random.Next())];
    }
}
