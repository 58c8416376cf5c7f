using System.Runtime.Intrinsics;
using SkiaSharp;
using System.Runtime.CompilerServices;

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

    // This thread's masks by typeface and size, then by glyph, phase and ink in one number: a card stamps hundreds
    // of glyphs, and finding each in the shared cache by its five-part key cost a fifth of the drawing.
    readonly Dictionary<(SKTypeface, float), Dictionary<int, GlyphMask>> strikes = [];

    /// <summary>
    /// The palette index of every pixel, row after row, each row led by its PNG filter type: 0 (None), which
    /// is also the background's index, so the PNG encoder takes the rows as they are.
    /// </summary>
    public byte[] Scanlines { get; } = new byte[(width + 1) * height];

    public void Clear() => Array.Clear(Scanlines);

    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FillRect(SKRectI rect, int ink)
    {
        var entry = palette.Entry(ink, 255);
        rect.Intersect(new SKRectI(0, 0, width, height));
        for (var y = rect.Top; y < rect.Bottom; y++)
            Scanlines.AsSpan(y * stride + 1 + rect.Left, rect.Width).Fill(entry);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        if (!strikes.TryGetValue((typeface, size), out var strike))
            strikes[(typeface, size)] = strike = [];
        for (var i = 0; i < glyphs.Length; i++)
        {
            // Skia's rounding for subpixel text: x to the nearest quarter pixel below x + 1/8, y to the nearest pixel.
            var penX = positions[i].X + 0.5f / GlyphMasks.Subpixels;
            var pixelX = (int)MathF.Floor(penX);
            var phase = (int)((penX - pixelX) * GlyphMasks.Subpixels);
            var pixelY = (int)MathF.Floor(positions[i].Y + 0.5f);
            var key = (glyphs[i] * GlyphMasks.Subpixels + phase) * palette.Inks.Count + ink;
            if (!strike.TryGetValue(key, out var mask))
                strike[key] = mask = masks.Get(font, typeface, size, glyphs[i], phase, ink);
            Stamp(mask, pixelX, pixelY, ink);
        }
    }

    /// <summary>The picture in full colour, to look at or compare.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        // Whole vectors of the mask's rows fit in the card: most glyphs, stamped 16 pixels at a time.
        var whole = firstColumn == 0 && left + mask.Stride <= width;
        for (var row = firstRow; row < lastRow; row++)
        {
            var at = (top + row) * stride + 1 + left;
            if (whole)
                StampRow(mask, row, Scanlines.AsSpan(at, mask.Stride), ink);
            else
                StampPixels(mask, row * mask.Stride + firstColumn, Scanlines.AsSpan(at + firstColumn, lastColumn - firstColumn), ink);
        }
    }

    /// <summary>
    /// Where no pixel under the glyph is inked yet (or the glyph leaves it alone), the stamp is the pixels or'ed
    /// with the glyph's entries, one of the two being the background (0); elsewhere, <see cref="StampPixels"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void StampRow(GlyphMask mask, int row, Span<byte> pixels, int ink)
    {
        for (var x = 0; x < pixels.Length; x += GlyphMask.Lanes)
        {
            var coverage = Vector128.Create(mask.Coverage.AsSpan(row * mask.Stride + x, GlyphMask.Lanes));
            var under = Vector128.Create(pixels.Slice(x, GlyphMask.Lanes));
            var overlap = ~Vector128.Equals(coverage, Vector128<byte>.Zero) & ~Vector128.Equals(under, Vector128<byte>.Zero);
            if (overlap == Vector128<byte>.Zero)
                (under | Vector128.Create(mask.Entries.AsSpan(row * mask.Stride + x, GlyphMask.Lanes))).CopyTo(pixels[x..]);
            else
                StampPixels(mask, row * mask.Stride + x, pixels.Slice(x, GlyphMask.Lanes), ink);
        }
    }

    void StampPixels(GlyphMask mask, int from, Span<byte> pixels, int ink)
    {
        var coverage = mask.Coverage.AsSpan(from, pixels.Length);
        var entries = mask.Entries.AsSpan(from, pixels.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            var alpha = coverage[i];
            if (alpha == 0)
                continue;
            var under = pixels[i];
            pixels[i] = under == 0 ? entries[i] : palette.Over(under, ink, alpha);
        }
    }
}
