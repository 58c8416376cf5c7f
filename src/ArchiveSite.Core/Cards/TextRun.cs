using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>Characters drawn with one typeface; <paramref name="Advance"/> is their width at <see cref="Typesetter.ReferenceSize"/>.</summary>
internal sealed record TextRun(string Text, SKTypeface Typeface, float Advance);

/// <summary>A piece of text no line break may split (a word, or one CJK character with its punctuation).</summary>
internal sealed record TextAtom(IReadOnlyList<TextRun> Runs, bool SpaceBefore)
{
    public float Advance { get; } = Runs.Sum(r => r.Advance);
}

/// <summary>One line, ready to draw at a font size.</summary>
internal sealed record TypesetLine(IReadOnlyList<TextAtom> Atoms, float SpaceAdvance)
{
    /// <summary>Width at <see cref="Typesetter.ReferenceSize"/>.</summary>
    public float Advance => Atoms.Select((a, i) => a.Advance + (i > 0 && a.SpaceBefore ? SpaceAdvance : 0)).Sum();
}
