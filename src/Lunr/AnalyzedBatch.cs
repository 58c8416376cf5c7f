using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// A batch of analysed documents (as <see cref="AnalyzedDocuments"/>) with its terms numbered in a
/// <see cref="SharedVocabulary"/>, held flat: field f of document d holds the entries from
/// <c>FieldEnds[d * FieldCount + f - 1]</c> (0 for the first) up to <c>FieldEnds[d * FieldCount + f]</c>, each a term
/// id and its frequency, terms in order of first occurrence. Three arrays rather than an object per field, so a
/// cache reads and writes them in bulk and a build walks them without chasing references. The arrays may be
/// slices of a larger one: a cache loads every batch's into one array rather than one per batch.
/// </summary>
public sealed class AnalyzedBatch
{
    readonly ReadOnlyMemory<int> fieldEnds;
    readonly ReadOnlyMemory<int> termIds;
    readonly ReadOnlyMemory<int> frequencies;

    /// <exception cref="ArgumentException">The arrays do not describe a batch of that shape (see the class summary).</exception>
    public AnalyzedBatch(int documentCount, int fieldCount, int[] fieldEnds, int[] termIds, int[] frequencies)
        : this(documentCount, fieldCount, fieldEnds.AsMemory(), termIds.AsMemory(), frequencies.AsMemory())
    {
    }

    /// <exception cref="ArgumentException">The arrays do not describe a batch of that shape (see the class summary).</exception>
    public AnalyzedBatch(int documentCount, int fieldCount, ReadOnlyMemory<int> fieldEnds, ReadOnlyMemory<int> termIds, ReadOnlyMemory<int> frequencies)
    {
        if (documentCount < 0 || fieldCount <= 0 || fieldEnds.Length != (long)documentCount * fieldCount)
            throw new ArgumentException($"{fieldEnds.Length} field ends for {documentCount} documents of {fieldCount} fields", nameof(fieldEnds));
        if (termIds.Length != frequencies.Length)
            throw new ArgumentException($"{termIds.Length} term ids but {frequencies.Length} frequencies", nameof(frequencies));
        var previous = 0;
        foreach (var end in fieldEnds.Span)
        {
            if (end < previous || end > termIds.Length)
                throw new ArgumentException($"field end {end} after {previous}, of {termIds.Length} entries", nameof(fieldEnds));
            previous = end;
        }
        if (previous != termIds.Length)
            throw new ArgumentException($"the fields end at {previous}, of {termIds.Length} entries", nameof(fieldEnds));
        foreach (var id in termIds.Span)
            if (id < 0)
                throw new ArgumentException($"term id {id}", nameof(termIds));
        foreach (var frequency in frequencies.Span)
            if (frequency <= 0)
                throw new ArgumentException($"term frequency {frequency}", nameof(frequencies));
        DocumentCount = documentCount;
        FieldCount = fieldCount;
        this.fieldEnds = fieldEnds;
        this.termIds = termIds;
        this.frequencies = frequencies;
    }

    public int DocumentCount { get; }

    public int FieldCount { get; }

    public ReadOnlySpan<int> FieldEnds => fieldEnds.Span;

    public ReadOnlySpan<int> TermIds => termIds.Span;

    public ReadOnlySpan<int> Frequencies => frequencies.Span;

    /// <summary>The batch with term ids from <paramref name="sharedIdOfTerm"/>, indexed by the batch's own term numbers.</summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static AnalyzedBatch From(AnalyzedDocuments analyzed, int[] sharedIdOfTerm)
    {
        var slots = analyzed.Count * analyzed.FieldCount;
        var fieldEnds = new int[slots];
        var entries = 0;
        for (var slot = 0; slot < slots; slot++)
            fieldEnds[slot] = entries += analyzed.Field(slot / analyzed.FieldCount, slot % analyzed.FieldCount).TermIds.Length;
        var termIds = new int[entries];
        var frequencies = new int[entries];
        var at = 0;
        for (var slot = 0; slot < slots; slot++)
        {
            var field = analyzed.Field(slot / analyzed.FieldCount, slot % analyzed.FieldCount);
            for (var i = 0; i < field.TermIds.Length; i++, at++)
            {
                termIds[at] = sharedIdOfTerm[field.TermIds[i]];
                frequencies[at] = field.Frequencies[i];
            }
        }
        return new AnalyzedBatch(analyzed.Count, analyzed.FieldCount, fieldEnds, termIds, frequencies);
    }

    internal AnalyzedBatch Renumbered(int[] newIdOf)
    {
        var renumbered = GC.AllocateUninitializedArray<int>(termIds.Length);
        var ids = termIds.Span;
        for (var i = 0; i < renumbered.Length; i++)
            renumbered[i] = newIdOf[ids[i]];
        return new AnalyzedBatch(DocumentCount, FieldCount, fieldEnds, renumbered, frequencies);
    }
}
