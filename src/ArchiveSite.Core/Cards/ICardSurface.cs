using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>What a card is drawn on. Inks are indices into <see cref="CardPalette.Inks"/>.</summary>
internal interface ICardSurface
{
    void Clear();

    void FillRect(SKRectI rect, int ink);

    /// <summary>Draws <paramref name="text"/> with its pen starting at (<paramref name="x"/>, <paramref name="baseline"/>).</summary>
    void DrawText(string text, SKFont font, float x, float baseline, int ink);
}
