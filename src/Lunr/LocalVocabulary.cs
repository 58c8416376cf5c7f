namespace Lunr;

/// <summary>
/// Numbers the terms of one batch of documents from 0, in order of first occurrence, so that a batch's
/// analysis stands on its own (see <see cref="AnalyzedDocuments"/>). The pipeline runs through the builder's
/// shared <see cref="TermTable"/>, which memoises it. Not thread-safe: one batch is analysed on one thread.
/// <see cref="Clear"/> readies it for the next batch, keeping what it has grown.
/// </summary>
internal sealed class LocalVocabulary(TermTable table) : ITermIds
{
    readonly Dictionary<int, int> localByGlobal = [];
    readonly List<string> terms = [];

    public TermTable Table => table;

    public void Clear()
    {
        localByGlobal.Clear();
        terms.Clear();
    }

    public int IdOf(ReadOnlySpan<char> loweredToken, out string token)
    {
        var global = table.IdOf(loweredToken, out token);
        if (global == TermTable.Dropped)
            return TermTable.Dropped;
        if (!localByGlobal.TryGetValue(global, out var local))
        {
            local = terms.Count;
            localByGlobal.Add(global, local);
            terms.Add(table.TermOf(global));
        }
        return local;
    }

    public string[] Terms => [.. terms];
}
