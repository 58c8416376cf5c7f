using System.Collections.Concurrent;
using SkiaSharp;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Cards;

/// <summary>
/// Coverage masks of glyphs exactly as Skia draws them, made once per typeface, glyph, size, quarter-pixel
/// offset and ink, then stamped onto every card that needs them: blending a glyph through Skia onto a
/// full-colour bitmap costs far more than copying its mask. Thread-safe.
/// </summary>
/// <remarks>
/// A mask is drawn in its ink on the palette's background and read back as coverage, rather than drawn into
/// an alpha-only bitmap: Skia adjusts text contrast by the colours involved, and only this way the mask
/// carries that adjustment.
/// </remarks>
internal sealed class GlyphMasks(CardPalette palette)
{
    /// <summary>Horizontal positions per pixel, as Skia's subpixel text uses.</summary>
    public const int Subpixels = 4;

    readonly ConcurrentDictionary<(SKTypeface Typeface, ushort Glyph, float Size, int Phase, int Ink), GlyphMask> masks = new();

    /// <param name="typeface"><paramref name="font"/>'s typeface and <paramref name="size"/> its size, which the
    /// caller asks Skia for once for many glyphs.</param>
    public GlyphMask Get(SKFont font, SKTypeface typeface, float size, ushort glyph, int phase, int ink)
    {
        var key = (typeface, glyph, size, phase, ink);
        return masks.TryGetValue(key, out var mask) ? mask : masks.GetOrAdd(key, Rasterize(font, glyph, phase, ink));
    }

    GlyphMask Rasterize(SKFont font, ushort glyph, int phase, int ink)
    {
        ReadOnlySpan<ushort> glyphs = [glyph];
        Span<float> widths = stackalloc float[1];
        Span<SKRect> bounds = stackalloc SKRect[1];
        font.GetGlyphWidths(glyphs, widths, bounds, null);
        if (bounds[0].IsEmpty)
            return GlyphMask.Empty;
        // A pixel of margin all round: antialiasing and the subpixel offset reach past the outline's bounds.
        var left = (int)MathF.Floor(bounds[0].Left) - 1;
        var top = (int)MathF.Floor(bounds[0].Top) - 1;
        var width = (int)MathF.Ceiling(bounds[0].Right) + 2 - left;
        var height = (int)MathF.Ceiling(bounds[0].Bottom) + 1 - top;

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var builder = new SKTextBlobBuilder())
        using (var paint = new SKPaint { Color = palette.Inks[ink], IsAntialias = true })
        {
            canvas.Clear(palette.Background);
            builder.AddRun(glyphs, font, new SKPoint(-left + phase / (float)Subpixels, -top));
            using var blob = builder.Build();
            canvas.DrawText(blob, 0, 0, paint);
        }
        var pixels = bitmap.Pixels;
        var coverage = new byte[width * height];
        for (var i = 0; i < coverage.Length; i++)
            coverage[i] = Coverage(pixels[i], palette.Background, palette.Inks[ink]);
        return Trimmed(left, top, width, height, coverage, palette.Ramp(ink));
    }

    /// <summary>
    /// The mask cut to its inked pixels (the margin was only room to draw in, and costs every stamp), its rows
    /// padded with nothing to whole vectors for <see cref="PalettedCanvas"/>, with <paramref name="ramp"/>'s entries.
    /// </summary>
    static GlyphMask Trimmed(int left, int top, int width, int height, byte[] coverage, byte[] ramp)
    {
        int first = width, last = -1, firstRow = height, lastRow = -1;
        for (var y = 0; y < height; y++)
        {
            var row = coverage.AsSpan(y * width, width);
            var start = row.IndexOfAnyExcept((byte)0);
            if (start < 0)
                continue;
            (first, last) = (Math.Min(first, start), Math.Max(last, row.LastIndexOfAnyExcept((byte)0)));
            (firstRow, lastRow) = (Math.Min(firstRow, y), y);
        }
        if (last < 0)
            return GlyphMask.Empty;
        var (trimmedWidth, trimmedHeight) = (last - first + 1, lastRow - firstRow + 1);
        var stride = (trimmedWidth + GlyphMask.Lanes - 1) / GlyphMask.Lanes * GlyphMask.Lanes;
        var (trimmed, entries) = (new byte[stride * trimmedHeight], new byte[stride * trimmedHeight]);
        for (var y = 0; y < trimmedHeight; y++)
            coverage.AsSpan((firstRow + y) * width + first, trimmedWidth).CopyTo(trimmed.AsSpan(y * stride));
        for (var i = 0; i < trimmed.Length; i++)
            entries[i] = ramp[trimmed[i]];
        return new GlyphMask(left + first, top + firstRow, trimmedWidth, trimmedHeight, stride, trimmed, entries);
    }

    /// <summary>How far <paramref name="pixel"/> lies from <paramref name="background"/> towards <paramref name="ink"/>, 0 to 255.</summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static byte Coverage(SKColor pixel, SKColor background, SKColor ink)
    {
        int dr = ink.Red - background.Red, dg = ink.Green - background.Green, db = ink.Blue - background.Blue;
        var along = (pixel.Red - background.Red) * dr + (pixel.Green - background.Green) * dg + (pixel.Blue - background.Blue) * db;
        var length = dr * dr + dg * dg + db * db;
        return length == 0 ? (byte)0 : (byte)Math.Clamp((along * 255L + length / 2) / length, 0, 255);
    }
}

/// <summary>A glyph's coverage (0 to 255) and the palette entries of its ink at that coverage, <paramref name="Width"/>
/// by <paramref name="Height"/> pixels in rows of <paramref name="Stride"/> bytes (zero past the width), placed at
/// (<paramref name="Left"/>, <paramref name="Top"/>) from the pen position on the baseline.</summary>
internal sealed record GlyphMask(int Left, int Top, int Width, int Height, int Stride, byte[] Coverage, byte[] Entries)
{
    /// <summary>Pixels a vector of the stamping loop holds.</summary>
    public const int Lanes = 16;

    public static GlyphMask Empty { get; } = new(0, 0, 0, 0, 0, [], []);
}
