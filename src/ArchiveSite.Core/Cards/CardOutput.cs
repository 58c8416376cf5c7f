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
        var staged = writer as StagedOutput;
        int drawn = 0, done = 0;
        Parallel.ForEach(cards, item =>
        {
            if (staged is null)
                writer.Write(item.Path, renderer.RenderPngInPlace(item.Card));
            else
            {
                var key = renderer.Key(item.Card);
                if (!staged.TryKeep(item.Path, key))
                {
                    staged.Write(item.Path, renderer.RenderPngInPlace(item.Card), key);
                    Interlocked.Increment(ref drawn);
                }
            }
            progress?.Invoke(Interlocked.Increment(ref done), cards.Count);
        });
        return staged is null ? cards.Count : drawn;
    }
}
