using System.Text;
using ArchiveSite.Cards;
using SkiaSharp;

namespace ArchiveSite.Tests.Cards;

public sealed class IndexedPngEncoderTests
{
    [Fact]
    public void Crc32_matches_the_known_value_of_the_IEND_chunk()
    {
        Assert.Equal(0xAE426082u, Crc32.Update(0, Encoding.ASCII.GetBytes("IEND")));
    }

    [Fact]
    public void Palette_has_at_most_256_entries_and_maps_its_own_colours_to_themselves()
    {
        var palette = CardRenderer.Palette;
        Assert.InRange(palette.Count, 2, 256);
        for (var i = 0; i < palette.Count; i++)
        {
            var color = palette[i];
            Assert.Equal(color, palette[palette.IndexOf(color.Red, color.Green, color.Blue)]);
        }
        Assert.Equal(0, palette.IndexOf(palette.Background.Red, palette.Background.Green, palette.Background.Blue));
    }

    [Fact]
    public void Png_has_only_the_four_chunks_needed_so_nothing_varies_between_builds()
    {
        var png = PngOf(4, 3, (x, y) => x == y ? CardRenderer.Palette.Inks[0] : CardRenderer.Palette.Background);

        Assert.Equal(["IHDR", "PLTE", "IDAT", "IEND"], ChunkTypes(png));
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal(CardRenderer.Palette.Inks[0], decoded.GetPixel(2, 2));
        Assert.Equal(CardRenderer.Palette.Background, decoded.GetPixel(1, 2));
    }

    static byte[] PngOf(int width, int height, Func<int, int, SKColor> color)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var c = color(x, y);
                rgba.AsSpan((y * width + x) * 4, 4).SetFromBytes(c);
            }
        return IndexedPngEncoder.Encode(rgba, width, height, CardRenderer.Palette);
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

file static class SpanColor
{
    public static void SetFromBytes(this Span<byte> pixel, SKColor c) =>
        (pixel[0], pixel[1], pixel[2], pixel[3]) = (c.Red, c.Green, c.Blue, c.Alpha);
}
