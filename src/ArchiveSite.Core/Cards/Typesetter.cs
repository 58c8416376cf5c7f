using System.Globalization;
using System.Text;
using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>
/// Splits text into typeface runs, measures and wraps it. Widths are measured once at a reference size and
/// scaled, which is exact because fonts are set up with linear metrics (no hinting). Not thread-safe: one
/// per thread drawing cards, sharing a <see cref="RunCache"/> with the others.
/// </summary>
internal sealed class Typesetter(RunCache runCache) : IDisposable
{
    public const float ReferenceSize = 100;
    const string Ellipsis = "\u2026";

    readonly Dictionary<(SKTypeface, float), SKFont> fonts = [];

    public Typesetter() : this(new RunCache())
    {
    }

    /// <summary>A font for <paramref name="typeface"/> set up for exact, antialiased, deterministic text.</summary>
    public static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Edging = SKFontEdging.Antialias,
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
    };

    /// <summary>This thread's font for <paramref name="typeface"/> at <paramref name="size"/>, kept for later cards.</summary>
    public SKFont Font(SKTypeface typeface, float size)
    {
        if (!fonts.TryGetValue((typeface, size), out var font))
            fonts[(typeface, size)] = font = CreateFont(typeface, size);
        return font;
    }

    public IReadOnlyList<TextAtom> Atoms(string text, FontChain chain)
    {
        var atoms = new List<TextAtom>();
        var current = new StringBuilder();
        var spaceBeforeCurrent = false;
        var pendingSpace = false;
        var previous = 0;
        foreach (var rune in CardText.Clean(text).EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                pendingSpace = true;
                continue;
            }
            var breakBefore = pendingSpace
                || (CardText.BreaksAnywhere(rune.Value) && !CardText.IsClosing(rune.Value))
                || (CardText.BreaksAnywhere(previous) && !CardText.IsOpening(previous) && !CardText.IsClosing(rune.Value));
            if (breakBefore && current.Length > 0)
            {
                atoms.Add(new TextAtom(Runs(current.ToString(), chain), spaceBeforeCurrent));
                current.Clear();
            }
            if (current.Length == 0)
                spaceBeforeCurrent = pendingSpace;
            current.AppendRune(rune);
            pendingSpace = false;
            previous = rune.Value;
        }
        if (current.Length > 0)
            atoms.Add(new TextAtom(Runs(current.ToString(), chain), spaceBeforeCurrent));
        return atoms;
    }

    public float SpaceAdvance(FontChain chain) => Runs(" ", chain)[0].Advance;

    /// <summary>Greedy line breaking; a word wider than a whole line is split between characters.</summary>
    public List<TypesetLine> Wrap(IReadOnlyList<TextAtom> atoms, float maxAdvance, FontChain chain)
    {
        var spaceAdvance = SpaceAdvance(chain);
        var lines = new List<TypesetLine>();
        var line = new List<TextAtom>();
        var width = 0f;
        foreach (var whole in atoms)
        {
            // Only a word wider than the line is split into pieces (a list); every other word is placed as it is.
            if (whole.Advance <= maxAdvance)
                Place(whole);
            else
                foreach (var piece in SplitToFit(whole, maxAdvance, chain))
                    Place(piece);
        }
        if (line.Count > 0)
            lines.Add(new TypesetLine(line, spaceAdvance));
        return lines;

        void Place(TextAtom atom)
        {
            var gap = line.Count > 0 && atom.SpaceBefore ? spaceAdvance : 0;
            if (line.Count > 0 && width + gap + atom.Advance > maxAdvance)
            {
                lines.Add(new TypesetLine(line, spaceAdvance));
                line = [];
                width = 0;
                gap = 0;
            }
            line.Add(atom);
            width += gap + atom.Advance;
        }
    }

    /// <summary>Ends <paramref name="line"/> with an ellipsis, dropping words until it fits.</summary>
    public TypesetLine WithEllipsis(TypesetLine line, float maxAdvance, FontChain chain)
    {
        var ellipsis = new TextAtom(Runs(Ellipsis, chain), SpaceBefore: false);
        var atoms = line.Atoms.ToList();
        while (atoms.Count > 0 && new TypesetLine([.. atoms, ellipsis], line.SpaceAdvance).Advance > maxAdvance)
            atoms.RemoveAt(atoms.Count - 1);
        // A first word too wide for the line on its own is cut between characters rather than dropped.
        if (atoms.Count == 0 && line.Atoms.Count > 0)
            atoms.Add(SplitToFit(line.Atoms[0], maxAdvance - ellipsis.Advance, chain)[0]);
        atoms.Add(ellipsis);
        return new TypesetLine(atoms, line.SpaceAdvance);
    }

    /// <summary>One line of <paramref name="text"/>, cut with an ellipsis when wider than <paramref name="maxAdvance"/>.</summary>
    public TypesetLine SingleLine(string text, FontChain chain, float maxAdvance)
    {
        var line = new TypesetLine(Atoms(text, chain), SpaceAdvance(chain));
        return line.Advance <= maxAdvance ? line : WithEllipsis(line, maxAdvance, chain);
    }

    List<TextAtom> SplitToFit(TextAtom atom, float maxAdvance, FontChain chain)
    {
        var pieces = new List<TextAtom>();
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(string.Concat(atom.Runs.Select(r => r.Text)));
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            // Measured without the cache: the growing prefixes of one long word are not worth keeping.
            if (piece.Length > 0 && MeasureRuns(piece + element, chain).Sum(r => r.Advance) > maxAdvance)
            {
                pieces.Add(new TextAtom(MeasureRuns(piece.ToString(), chain), pieces.Count == 0 && atom.SpaceBefore));
                piece.Clear();
            }
            piece.Append(element);
        }
        if (piece.Length > 0)
            pieces.Add(new TextAtom(MeasureRuns(piece.ToString(), chain), pieces.Count == 0 && atom.SpaceBefore));
        return pieces;
    }

    IReadOnlyList<TextRun> Runs(string text, FontChain chain) => runCache.GetOrAdd(chain, text, MeasureRuns);

    List<TextRun> MeasureRuns(string text, FontChain chain) =>
        Group(text.EnumerateRunes().Select(r => (r, chain.Resolve(r.Value))));

    List<TextRun> Group(IEnumerable<(Rune Rune, SKTypeface Typeface)> characters)
    {
        var runs = new List<TextRun>();
        var text = new StringBuilder();
        SKTypeface? typeface = null;
        foreach (var (rune, face) in characters)
        {
            if (typeface is not null && face != typeface)
            {
                runs.Add(new TextRun(text.ToString(), typeface, Measure(text.ToString(), typeface)));
                text.Clear();
            }
            typeface = face;
            text.AppendRune(rune);
        }
        if (typeface is not null)
            runs.Add(new TextRun(text.ToString(), typeface, Measure(text.ToString(), typeface)));
        return runs;
    }

    float Measure(string text, SKTypeface typeface) => Font(typeface, ReferenceSize).MeasureText(text);

    public void Dispose()
    {
        foreach (var font in fonts.Values)
            font.Dispose();
    }
}
