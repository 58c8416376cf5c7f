namespace Lunr;

/// <summary>
/// An inverted-index entry: the term's <c>_index</c> (its dimension in every field vector) and, for each
/// index field (same order as <see cref="Index.Fields"/>), the refs of the documents holding the term there,
/// in the order they were added. Metadata per document is always <c>{}</c> (no metadata whitelist).
/// </summary>
public sealed class Posting(int index, IReadOnlyList<IReadOnlyList<string>> docRefsByField)
{
    /// <summary>lunr's <c>_index</c>: order of first appearance while documents were added.</summary>
    public int Index { get; } = index;

    public IReadOnlyList<IReadOnlyList<string>> DocRefsByField { get; } = docRefsByField;
}

/// <summary>One row of the serialised inverted index.</summary>
public sealed record InvertedIndexEntry(string Term, Posting Posting);
