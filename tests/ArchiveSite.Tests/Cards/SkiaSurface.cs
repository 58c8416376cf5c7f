using ArchiveSite.Cards;
using SkiaSharp;

namespace ArchiveSite.Tests.Cards;

/// <summary>Draws a card with Skia itself onto a full-colour bitmap: the picture the paletted canvas must match.</summary>
sealed class SkiaSurface(SKBitmap bitmap, CardPalette palette) : ICardSurface, IDisposable
{
    readonly SKCanvas canvas = new(bitmap);

    public void Clear() => canvas.Clear(palette.Background);

    public void FillRect(SKRectI rect, int ink)
    {
        using var paint = Paint(ink);
        canvas.DrawRect(rect, paint);
    }

    public void DrawText(string text, SKFont font, float x, float baseline, int ink)
    {
        using var paint = Paint(ink);
        canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
    }

    SKPaint Paint(int ink) => new() { Color = palette.Inks[ink], IsAntialias = true, Style = SKPaintStyle.Fill };

    public void Dispose() => canvas.Dispose();
}
