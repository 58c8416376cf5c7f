using System.Collections.Concurrent;

namespace ArchiveSite.Cards;

/// <summary>
/// Words already split into typeface runs and measured, shared by every thread drawing cards: an archive's
/// quotes reuse the same few thousand words, and measuring one is a native call per run.
/// Thread-safe.
/// </summary>
internal sealed class RunCache
{
    readonly ConcurrentDictionary<(FontChain Chain, string Text), IReadOnlyList<TextRun>> runs = new();

    public IReadOnlyList<TextRun> GetOrAdd(FontChain chain, string text, Func<string, FontChain, IReadOnlyList<TextRun>> measure) =>
        runs.TryGetValue((chain, text), out var cached) ? cached : runs.GetOrAdd((chain, text), measure(text, chain));
}
