using System.Collections.Concurrent;

namespace Lunr;

/// <summary>
/// Terms numbered once for many <see cref="AnalyzedBatch"/>es, so that batches kept from earlier builds hold
/// their terms as numbers and are merged without hashing a string. The first <see cref="SortedCount"/> terms
/// are in ordinal order (as <see cref="Compact"/> leaves them), so looking one up is a binary search and they
/// need no sorting when an index is built; terms added since follow in the order they were added.
/// <see cref="IdOf"/> and <see cref="Number"/> are thread-safe; read terms once the numbering is done.
/// </summary>
public sealed class SharedVocabulary
{
    readonly string[] sorted;
    readonly ConcurrentDictionary<string, int> addedIds = new(StringComparer.Ordinal);
    readonly List<string> added = [];
    readonly Lock gate = new();

    public SharedVocabulary() : this([])
    {
    }

    /// <param name="sortedTerms">Distinct terms in ordinal order; anything else is refused.</param>
    public SharedVocabulary(string[] sortedTerms)
    {
        for (var i = 1; i < sortedTerms.Length; i++)
            if (string.CompareOrdinal(sortedTerms[i - 1], sortedTerms[i]) >= 0)
                throw new ArgumentException($"terms must be distinct and in ordinal order: '{sortedTerms[i - 1]}' before '{sortedTerms[i]}'", nameof(sortedTerms));
        sorted = sortedTerms;
    }

    /// <summary>How many of the first terms are in ordinal order.</summary>
    public int SortedCount => sorted.Length;

    public int Count
    {
        get
        {
            lock (gate)
                return sorted.Length + added.Count;
        }
    }

    public string this[int id] => id < sorted.Length ? sorted[id] : added[id - sorted.Length];

    /// <summary>The id of a term, numbering it when it is new.</summary>
    public int IdOf(string term)
    {
        var found = Array.BinarySearch(sorted, term, StringComparer.Ordinal);
        if (found >= 0)
            return found;
        if (addedIds.TryGetValue(term, out var id))
            return id;
        lock (gate)
        {
            if (addedIds.TryGetValue(term, out id))
                return id;
            id = sorted.Length + added.Count;
            added.Add(term);
            addedIds[term] = id;
            return id;
        }
    }

    /// <summary>A batch analysed on its own (<see cref="Builder.Analyze"/>), its terms numbered in this vocabulary.</summary>
    public AnalyzedBatch Number(AnalyzedDocuments analyzed)
    {
        var ids = new int[analyzed.Terms.Count];
        for (var t = 0; t < ids.Length; t++)
            ids[t] = IdOf(analyzed.Terms[t]);
        return AnalyzedBatch.From(analyzed, ids);
    }

    /// <summary>Orders two term ids as their terms compare ordinally: ids of the sorted part compare as numbers.</summary>
    public int Compare(int x, int y) =>
        x < sorted.Length && y < sorted.Length ? x.CompareTo(y) : string.CompareOrdinal(this[x], this[y]);

    /// <summary>
    /// A vocabulary of only the terms these batches use, all in ordinal order, and the batches renumbered in it:
    /// what a cache keeps, so that terms no longer used do not pile up and the next build sorts nothing.
    /// </summary>
    public (SharedVocabulary Vocabulary, AnalyzedBatch[] Batches) Compact(IReadOnlyList<AnalyzedBatch> batches)
    {
        var count = Count;
        var used = new bool[count];
        foreach (var batch in batches)
            foreach (var id in batch.TermIds)
                used[id] = true;
        var kept = Enumerable.Range(0, count).Where(id => used[id]).ToArray();
        Array.Sort(kept, Compare);
        var newId = new int[count];
        for (var i = 0; i < kept.Length; i++)
            newId[kept[i]] = i;
        var renumbered = new AnalyzedBatch[batches.Count];
        Parallel.For(0, renumbered.Length, b => renumbered[b] = batches[b].Renumbered(newId));
        return (new SharedVocabulary([.. kept.Select(id => this[id])]), renumbered);
    }
}
