using ArchiveSite.Output;

namespace ArchiveSite.Cards;

/// <summary>
/// Puts cards into the site. The output folder is the cards' cache: a card whose key (<see cref="CardRenderer.Key"/>)
/// the last build recorded for its file, and whose file is still as that build left it, is kept without drawing;
/// every other card is drawn and written once, straight to the output.
/// </summary>
public static class CardOutput
{
    /// <returns>How many cards were drawn (the rest were kept).</returns>
    public static int Write(IReadOnlyList<(string Path, QuoteCard Card)> cards, CardRenderer renderer, IOutputWriter writer,
        Action<int, int>? progress = null)
    {
        var keyed = cards.Select(c => (c.Path, c.Card, renderer.Key(c.Card))).ToList();
        var toDraw = Keep(keyed, writer, progress);
        Draw(keyed, toDraw, renderer, writer, progress);
        return toDraw.Count;
    }

    /// <summary>Keeps every card the output folder holds as drawn from its key (none when the writer keeps no files).</summary>
    /// <returns>The indexes of the cards to draw, in order.</returns>
    public static List<int> Keep(IReadOnlyList<(string Path, QuoteCard Card, string Key)> cards, IOutputWriter writer,
        Action<int, int>? progress = null)
    {
        if (writer is not StagedOutput staged)
            return [.. Enumerable.Range(0, cards.Count)];
        var kept = new bool[cards.Count];
        var done = 0;
        Parallel.For(0, cards.Count, i =>
        {
            if (kept[i] = staged.TryKeep(cards[i].Path, cards[i].Key))
                progress?.Invoke(Interlocked.Increment(ref done), cards.Count);
        });
        return [.. Enumerable.Range(0, cards.Count).Where(i => !kept[i])];
    }

    /// <summary>Draws the cards <paramref name="toDraw"/> names and writes them, with their keys for the next build to keep.</summary>
    public static void Draw(IReadOnlyList<(string Path, QuoteCard Card, string Key)> cards, IReadOnlyList<int> toDraw,
        CardRenderer renderer, IOutputWriter writer, Action<int, int>? progress = null)
    {
        var staged = writer as StagedOutput;
        var done = cards.Count - toDraw.Count;
        Parallel.ForEach(toDraw, i =>
        {
            var (path, card, key) = cards[i];
            if (staged is null)
                writer.Write(path, renderer.RenderPngInPlace(card));
            else
                staged.Write(path, renderer.RenderPngInPlace(card), key);
            progress?.Invoke(Interlocked.Increment(ref done), cards.Count);
        });
    }
}
