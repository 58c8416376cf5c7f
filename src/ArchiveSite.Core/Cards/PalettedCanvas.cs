using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>
/// A card drawn straight in palette indices, one byte a pixel, ready for the PNG encoder: no full-colour
/// bitmap to blend into and no colour quantising afterwards. Text is stamped from <see cref="GlyphMasks"/> at
/// the positions and quarter-pixel offsets Skia would use, and blended as Skia blends (coverage over
/// coverage) along the palette's background-to-ink ramps. Not thread-safe: one per thread.
/// </summary>
internal sealed class PalettedCanvas(int width, int height, CardPalette palette, GlyphMasks masks) : ICardSurface
{
    public int Width => width;
    public int Height => height;
    public CardPalette Palette => palette;

    readonly int stride = width + 1;

    /// <summary>
    /// The palette index of every pixel, row after row, each row led by its PNG filter type: 0 (None), which
    /// is also the background's index, so the PNG encoder takes the rows as they are.
    /// </summary>
    public byte[] Scanlines { get; } = new byte[(width + 1) * height];

    public void Clear() => Array.Clear(Scanlines);

    public void FillRect(SKRectI rect, int ink)
    {
        var entry = palette.Entry(ink, 255);
        rect.Intersect(new SKRectI(0, 0, width, height));
        for (var y = rect.Top; y < rect.Bottom; y++)
            Scanlines.AsSpan(y * stride + 1 + rect.Left, rect.Width).Fill(entry);
    }

    public void DrawText(string text, SKFont font, float x, float baseline, int ink)
    {
        // A run is a word or so: its glyphs fit on the stack (UTF-16 units bound the glyph count).
        Span<ushort> glyphs = text.Length <= 256 ? stackalloc ushort[text.Length] : new ushort[text.Length];
        glyphs = glyphs[..font.CountGlyphs(text)];
        font.GetGlyphs(text, glyphs);
        Span<SKPoint> positions = glyphs.Length <= 256 ? stackalloc SKPoint[glyphs.Length] : new SKPoint[glyphs.Length];
        font.GetGlyphPositions(glyphs, positions, new SKPoint(x, baseline));
        // Asked once a run, not once a glyph: each call crosses into Skia (and for the typeface looks up its managed wrapper).
        var (typeface, size) = (font.Typeface, font.Size);
        for (var i = 0; i < glyphs.Length; i++)
        {
            // Skia's rounding for subpixel text: x to the nearest quarter pixel below x + 1/8, y to the nearest pixel.
            var penX = positions[i].X + 0.5f / GlyphMasks.Subpixels;
            var pixelX = (int)MathF.Floor(penX);
            var phase = (int)((penX - pixelX) * GlyphMasks.Subpixels);
            var pixelY = (int)MathF.Floor(positions[i].Y + 0.5f);
            Stamp(masks.Get(font, typeface, size, glyphs[i], phase, ink), pixelX, pixelY, ink);
        }
    }

    /// <summary>The picture in full colour, to look at or compare.</summary>
    public SKBitmap ToBitmap()
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var colors = Enumerable.Range(0, palette.Count).Select(i => palette[i]).ToArray();
        var pixels = new SKColor[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                pixels[y * width + x] = colors[Scanlines[y * stride + 1 + x]];
        bitmap.Pixels = pixels;
        return bitmap;
    }

    void Stamp(GlyphMask mask, int penX, int penY, int ink)
    {
        var left = penX + mask.Left;
        var top = penY + mask.Top;
        var firstColumn = Math.Max(0, -left);
        var lastColumn = Math.Min(mask.Width, width - left);
        var firstRow = Math.Max(0, -top);
        var lastRow = Math.Min(mask.Height, height - top);
        if (firstColumn >= lastColumn)
            return;
        var ramp = palette.Ramp(ink);
        for (var row = firstRow; row < lastRow; row++)
        {
            var coverage = mask.Coverage.AsSpan(row * mask.Width + firstColumn, lastColumn - firstColumn);
            var pixels = Scanlines.AsSpan((top + row) * stride + 1 + left + firstColumn, coverage.Length);
            for (var i = 0; i < coverage.Length; i++)
            {
                var alpha = coverage[i];
                if (alpha == 0)
                    continue;
                var under = pixels[i];
                pixels[i] = under == 0 ? ramp[alpha] : palette.Over(under, ink, alpha);
            }
        }
    }
}
