using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>Characters drawn with one typeface; <paramref name="Advance"/> is their width at <see cref="Typesetter.ReferenceSize"/>.</summary>
internal sealed record TextRun(string Text, SKTypeface Typeface, float Advance);

/// <summary>A piece of text no line break may split (a word, or one CJK character with its punctuation).</summary>
internal sealed record TextAtom(IReadOnlyList<TextRun> Runs, bool SpaceBefore)
{
    public float Advance { get; } = Sum(Runs);

    // By index: LINQ's Sum would allocate an enumerator for every word of every card.
    static float Sum(IReadOnlyList<TextRun> runs)
    {
        var advance = 0f;
        for (var i = 0; i < runs.Count; i++)
            advance += runs[i].Advance;
        return advance;
    }
}

/// <summary>One line, ready to draw at a font size.</summary>
internal sealed record TypesetLine(IReadOnlyList<TextAtom> Atoms, float SpaceAdvance)
{
    /// <summary>Width at <see cref="Typesetter.ReferenceSize"/>.</summary>
    public float Advance
    {
        get
        {
            var advance = 0f;
            for (var i = 0; i < Atoms.Count; i++)
                advance += Atoms[i].Advance + (i > 0 && Atoms[i].SpaceBefore ? SpaceAdvance : 0);
            return advance;
        }
    }
}
