using System.Text;
using ArchiveSite.Cards;
using SkiaSharp;

namespace ArchiveSite.Tests.Cards;

public sealed class IndexedPngEncoderTests
{
    [Fact]
    public void Crc32_matches_the_known_value_of_the_IEND_chunk()
    {
        Assert.Equal(0xAE426082u, System.IO.Hashing.Crc32.HashToUInt32(Encoding.ASCII.GetBytes("IEND")));
    }

    [Fact]
    public void Palette_has_at_most_256_entries_with_each_ink_at_full_coverage_and_the_background_at_none()
    {
        var palette = CardRenderer.Palette;
        Assert.InRange(palette.Count, 2, 256);
        Assert.Equal(palette.Background, palette[0]);
        for (var ink = 0; ink < palette.Inks.Count; ink++)
        {
            Assert.Equal(palette.Inks[ink], palette[palette.Entry(ink, 255)]);
            Assert.Equal(0, palette.Entry(ink, 0));
            Assert.Equal(palette.Entry(ink, 128), palette.Ramp(ink)[128]);
        }
    }

    [Fact]
    public void Ramp_entries_blend_from_the_background_to_the_ink_by_coverage()
    {
        var palette = CardRenderer.Palette;
        var (paper, ink) = (palette.Background, palette.Inks[0]);
        foreach (var coverage in new[] { 10, 64, 128, 200, 254 })
        {
            var color = palette[palette.Entry(0, coverage)];
            // Within half a level of the exact blend, plus rounding.
            var (red, blue) = (Math.Abs(ink.Red - paper.Red) / (2.0 * palette.Levels) + 1, Math.Abs(ink.Blue - paper.Blue) / (2.0 * palette.Levels) + 1);
            Assert.InRange(color.Red, paper.Red + (ink.Red - paper.Red) * coverage / 255.0 - red, paper.Red + (ink.Red - paper.Red) * coverage / 255.0 + red);
            Assert.InRange(color.Blue, paper.Blue + (ink.Blue - paper.Blue) * coverage / 255.0 - blue, paper.Blue + (ink.Blue - paper.Blue) * coverage / 255.0 + blue);
        }
    }

    [Fact]
    public void Ink_over_ink_combines_coverage_as_alpha_blending_does()
    {
        var palette = CardRenderer.Palette;
        var half = palette.Entry(0, 128);

        Assert.Equal(palette.Entry(0, 192), palette.Over(half, 0, 128));
        Assert.Equal(palette.Entry(0, 255), palette.Over(palette.Entry(0, 255), 0, 40));
        // Over another ink the stronger coverage wins: the palette has no blends of two inks.
        Assert.Equal(palette.Entry(2, 200), palette.Over(half, 2, 200));
        Assert.Equal(half, palette.Over(half, 2, 20));
    }

    [Fact]
    public void Png_has_only_the_four_chunks_needed_so_nothing_varies_between_builds()
    {
        var png = PngOf(4, 3, (x, y) => x == y ? CardRenderer.Palette.Entry(0, 255) : (byte)0);

        Assert.Equal(["IHDR", "PLTE", "IDAT", "IEND"], ChunkTypes(png));
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal(CardRenderer.Palette.Inks[0], decoded.GetPixel(2, 2));
        Assert.Equal(CardRenderer.Palette.Background, decoded.GetPixel(1, 2));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 33)]
    [InlineData(1200, 630)]
    public void Png_decodes_with_skia_to_exactly_the_palette_colours_of_its_indices(int width, int height)
    {
        var palette = CardRenderer.Palette;
        var random = new Random(width * 1000 + height);
        var indices = new byte[width * height];
        // Runs of one index, as on a card, and stretches of noise, which compress worst.
        for (var i = 0; i < indices.Length;)
        {
            var run = random.Next(1, 300);
            var noise = random.Next(2) == 0;
            var index = (byte)random.Next(palette.Count);
            for (var k = 0; k < run && i < indices.Length; k++, i++)
                indices[i] = noise ? (byte)random.Next(palette.Count) : index;
        }

        var png = IndexedPngEncoder.Encode(indices, width, height, palette);

        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        var pixels = decoded.Pixels;
        for (var i = 0; i < indices.Length; i++)
            Assert.True(palette[indices[i]] == pixels[i], $"pixel {i % width},{i / width}: {pixels[i]} instead of {palette[indices[i]]}");
        Assert.Equal(png, IndexedPngEncoder.Encode(indices, width, height, palette));
    }

    [Fact]
    public void Encoder_refuses_pixels_that_do_not_match_the_size()
    {
        Assert.Throws<ArgumentException>(() => IndexedPngEncoder.Encode(new byte[10], 4, 3, CardRenderer.Palette));
    }

    static byte[] PngOf(int width, int height, Func<int, int, byte> index)
    {
        var indices = new byte[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                indices[y * width + x] = index(x, y);
        return IndexedPngEncoder.Encode(indices, width, height, CardRenderer.Palette);
    }

    static List<string> ChunkTypes(byte[] png)
    {
        var types = new List<string>();
        for (var at = 8; at < png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            types.Add(Encoding.ASCII.GetString(png, at + 4, 4));
            at += 12 + length;
        }
        return types;
    }
}
