using System.Collections.Concurrent;
using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>Faces tried in order for each character, like a CSS font-family list.</summary>
internal sealed class FontChain(IReadOnlyList<FontsourceFace> faces)
{
    readonly ConcurrentDictionary<int, SKTypeface?> byCodePoint = new();

    /// <summary>The typeface that has a glyph for <paramref name="codePoint"/>, or null when none has.</summary>
    public SKTypeface? Find(int codePoint) => byCodePoint.GetOrAdd(codePoint, FindUncached);

    /// <summary>The typeface to draw <paramref name="codePoint"/> with; the first face (a visible box) when none covers it.</summary>
    public SKTypeface Resolve(int codePoint) => Find(codePoint) ?? faces[0].Primary;

    SKTypeface? FindUncached(int codePoint)
    {
        foreach (var face in faces)
            if (face.Find(codePoint) is { } typeface)
                return typeface;
        return null;
    }
}
