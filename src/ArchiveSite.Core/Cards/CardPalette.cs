using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>
/// The colours of a card: one flat background and a few inks drawn on it. Every pixel of a card is the
/// background, an ink, or an antialiased blend of the two, so a 256-entry palette of background-to-ink ramps
/// holds the whole picture, and a card can be drawn in palette indices directly (<see cref="PalettedCanvas"/>).
/// </summary>
/// <param name="levels">Steps of each ink's ramp above the background: fewer steps repeat more often along
/// antialiased edges, so the PNG compresses smaller and faster.</param>
public sealed class CardPalette
{
    readonly byte[] red, green, blue;
    readonly int levels;
    readonly byte[][] ramps;
    readonly int[] inkOf;
    readonly int[] coverageOf;

    public CardPalette(SKColor background, IReadOnlyList<SKColor> inks, int levels)
    {
        if (levels < 1 || inks.Count < 1 || 1 + inks.Count * levels > 256)
            throw new ArgumentException($"A card palette holds 256 colours, not 1 + {inks.Count} inks x {levels} levels.", nameof(levels));
        Background = background;
        Inks = inks;
        this.levels = levels;
        var count = 1 + inks.Count * levels;
        red = new byte[count];
        green = new byte[count];
        blue = new byte[count];
        Set(0, background.Red, background.Green, background.Blue);
        for (var ink = 0; ink < inks.Count; ink++)
            for (var level = 1; level <= levels; level++)
                Set(1 + ink * levels + level - 1,
                    Blend(background.Red, inks[ink].Red, level),
                    Blend(background.Green, inks[ink].Green, level),
                    Blend(background.Blue, inks[ink].Blue, level));

        ramps = [.. inks.Select((_, ink) => Enumerable.Range(0, 256).Select(coverage => Entry(ink, coverage)).ToArray())];
        // What each entry is: which ink (-1 for the background) at which coverage.
        inkOf = new int[count];
        coverageOf = new int[count];
        inkOf[0] = -1;
        for (var index = 1; index < count; index++)
        {
            var level = (index - 1) % levels + 1;
            inkOf[index] = (index - 1) / levels;
            coverageOf[index] = (level * 255 + levels / 2) / levels;
        }
    }

    public SKColor Background { get; }
    public IReadOnlyList<SKColor> Inks { get; }
    public int Count => red.Length;

    /// <summary>Steps of each ink's ramp above the background.</summary>
    public int Levels => levels;

    public SKColor this[int index] => new(red[index], green[index], blue[index]);

    /// <summary>The entry for <paramref name="ink"/> drawn at <paramref name="coverage"/> (0 to 255) over the
    /// background: the nearest level of its ramp, the background itself below half a level.</summary>
    public byte Entry(int ink, int coverage)
    {
        var level = (coverage * levels + 127) / 255;
        return level == 0 ? (byte)0 : (byte)(1 + ink * levels + level - 1);
    }

    /// <summary><see cref="Entry"/> for every coverage of <paramref name="ink"/>, indexed by coverage.</summary>
    internal byte[] Ramp(int ink) => ramps[ink];

    /// <summary>
    /// <paramref name="ink"/> at <paramref name="coverage"/> drawn over entry <paramref name="under"/>: over
    /// the same ink, coverages combine as alpha blending does (a + b - ab); over another ink, which the
    /// palette holds no blends of, the one covering more of the pixel wins.
    /// </summary>
    internal byte Over(byte under, int ink, int coverage)
    {
        var underCoverage = coverageOf[under];
        if (inkOf[under] == ink)
            return ramps[ink][underCoverage + coverage - (underCoverage * coverage + 127) / 255];
        return coverage >= underCoverage ? ramps[ink][coverage] : under;
    }

    /// <summary>Red, green, blue triples in index order, the body of a PNG PLTE chunk.</summary>
    public byte[] ToRgbTriples()
    {
        var triples = new byte[Count * 3];
        for (var i = 0; i < Count; i++)
            (triples[3 * i], triples[3 * i + 1], triples[3 * i + 2]) = (red[i], green[i], blue[i]);
        return triples;
    }

    /// <summary>Identifies the palette in cache keys.</summary>
    public override string ToString() =>
        $"{Background}/{string.Join("/", Inks)}/{levels}";

    void Set(int index, byte r, byte g, byte b) => (red[index], green[index], blue[index]) = (r, g, b);

    byte Blend(byte from, byte to, int level) =>
        (byte)Math.Round(from + (to - from) * (double)level / levels, MidpointRounding.AwayFromZero);
}
