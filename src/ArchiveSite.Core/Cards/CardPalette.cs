using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>
/// The colours of a card: one flat background and a few inks drawn on it. Every pixel of a card is the
/// background, an ink, or an antialiased blend of the two, so a 256-entry palette of background-to-ink ramps
/// holds the whole picture; <see cref="IndexOf"/> maps a drawn pixel to its nearest entry.
/// </summary>
public sealed class CardPalette
{
    readonly byte[] red, green, blue;
    readonly int levels;

    public CardPalette(SKColor background, IReadOnlyList<SKColor> inks)
    {
        if (inks.Count is 0 or > 255)
            throw new ArgumentException("A card palette needs between 1 and 255 inks.", nameof(inks));
        Background = background;
        Inks = inks;
        levels = 255 / inks.Count;
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
    }

    public SKColor Background { get; }
    public IReadOnlyList<SKColor> Inks { get; }
    public int Count => red.Length;

    public SKColor this[int index] => new(red[index], green[index], blue[index]);

    /// <summary>The entry nearest to an opaque pixel; deterministic (ties go to the lowest index).</summary>
    public byte IndexOf(byte r, byte g, byte b)
    {
        if (r == red[0] && g == green[0] && b == blue[0])
            return 0;
        var best = 0;
        var bestError = Error(0, r, g, b);
        for (var ink = 0; ink < Inks.Count; ink++)
        {
            // Project the pixel onto the background-to-ink line to find its coverage, then round to a level.
            int dr = Inks[ink].Red - red[0], dg = Inks[ink].Green - green[0], db = Inks[ink].Blue - blue[0];
            var length = dr * dr + dg * dg + db * db;
            if (length == 0)
                continue;
            var along = (r - red[0]) * dr + (g - green[0]) * dg + (b - blue[0]) * db;
            var level = (int)Math.Round((double)along * levels / length, MidpointRounding.AwayFromZero);
            if (level < 1)
                continue;
            var index = 1 + ink * levels + Math.Min(level, levels) - 1;
            var error = Error(index, r, g, b);
            if (error < bestError)
                (best, bestError) = (index, error);
        }
        return (byte)best;
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
        $"{Background}/{string.Join("/", Inks)}";

    int Error(int index, byte r, byte g, byte b) =>
        Math.Abs(r - red[index]) + Math.Abs(g - green[index]) + Math.Abs(b - blue[index]);

    void Set(int index, byte r, byte g, byte b) => (red[index], green[index], blue[index]) = (r, g, b);

    byte Blend(byte from, byte to, int level) =>
        (byte)Math.Round(from + (to - from) * (double)level / levels, MidpointRounding.AwayFromZero);
}
