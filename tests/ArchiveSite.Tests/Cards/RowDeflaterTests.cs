using System.IO.Compression;
using ArchiveSite.Cards;
using ArchiveSite.Tests.Compression;
using CsCheck;

namespace ArchiveSite.Tests.Cards;

public sealed class RowDeflaterTests
{
    [Fact]
    public void Rows_of_runs_and_repeats_inflate_back_to_the_same_bytes()
    {
        // Pieces of rows as a card has them: runs of one index, noise, and copies of the row above.
        var piece = Gen.Select(Gen.Int[0, 3], Gen.Byte[0, 48], Gen.Int[1, 700]);
        Gen.Select(Gen.Int[1, 300], piece.Array[1, 40]).Sample((rowLength, pieces) =>
        {
            var data = new List<byte>();
            var random = new Random(rowLength);
            foreach (var (kind, value, length) in pieces)
                for (var i = 0; i < length; i++)
                    data.Add(kind switch
                    {
                        0 => value,
                        1 => (byte)random.Next(256),
                        _ => data.Count >= rowLength ? data[^rowLength] : value,
                    });
            AssertRoundTrips([.. data], rowLength);
        }, iter: 200);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(259, 1201)]
    [InlineData(40000, 40000)]
    [InlineData(4096, 1)]
    [InlineData(4096, 64)]
    public void Empty_single_byte_exactly_one_match_too_long_rows_too_far_apart_to_match_and_runs_to_a_whole_words_end_still_inflate(int length, int rowLength)
    {
        AssertRoundTrips(Enumerable.Range(0, length).Select(i => (byte)(i % rowLength % 7 == 0 ? 0 : 3)).ToArray(), rowLength);
    }

    [Fact]
    public void Skewed_counts_deeper_than_fifteen_bits_get_limited_codes_that_inflate()
    {
        var shuffled = DeflateTestData.SkewedCounts();
        Assert.True(shuffled.Length > 1_000_000);
        AssertRoundTrips(shuffled, 97);
    }

    [Fact]
    public void A_card_compresses_to_less_than_a_tenth_of_its_rows()
    {
        using var fonts = CardFonts.Load(CardFixture.ThemeDir);
        using var renderer = new CardRenderer(fonts);
        var canvas = renderer.DrawPaletted(CardFixture.Sample("We are not going to solve this by pretending the record doesn't exist."));

        var compressed = RowDeflater.Compress(canvas.Scanlines, canvas.Width + 1).ToArray();

        Assert.InRange(compressed.Length, 1, canvas.Scanlines.Length / 10);
        Assert.Equal(canvas.Scanlines, Inflate(compressed));
    }

    [Fact]
    public void Its_choice_of_matches_is_pinned()
    {
        // Rows of a card's kinds (background, runs of one index, noise, and rows repeating parts of the row above),
        // made the same every time: any change to which match is taken where changes the stream's hash.
        var random = new Random(7);
        const int rowLength = 1201;
        var data = new byte[rowLength * 200];
        for (var i = 0; i < data.Length; i++)
            data[i] = (i / rowLength % 5, i % rowLength / 97 % 4) switch
            {
                (0, _) => 0,
                (1, _) or (_, 0) => (byte)(i / 13 % 3),
                (2, _) when random.Next(3) > 0 => (byte)random.Next(48),
                _ => i >= rowLength && random.Next(8) > 0 ? data[i - rowLength] : (byte)random.Next(4),
            };

        var compressed = RowDeflater.Compress(data, rowLength).ToArray();

        Assert.Equal(data, Inflate(compressed));
        Assert.Equal("58CB8976F56C553A231EECD0B1B83EEC", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(compressed))[..32]);
    }

    static void AssertRoundTrips(byte[] data, int rowLength)
    {
        var compressed = RowDeflater.Compress(data, rowLength).ToArray();
        Assert.Equal(data, Inflate(compressed));
        Assert.Equal(compressed, RowDeflater.Compress(data, rowLength).ToArray());
    }

    static byte[] Inflate(byte[] zlib)
    {
        using var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        inflater.CopyTo(inflated);
        return inflated.ToArray();
    }
}
