namespace Lunr;

/// <summary>One dimension of a field vector: a term's <c>_index</c> and its BM25 weight in that field.</summary>
public readonly record struct VectorElement(int TermIndex, double Weight);

/// <summary>lunr.Vector: a sparse vector, elements sorted by term index (lunr serialises it flat: [i, w, i, w, ...]).</summary>
public sealed class Vector(ArraySegment<VectorElement> elements)
{
    public IReadOnlyList<VectorElement> Elements { get; } = elements;
}

/// <summary>The vector of one field of one document, as listed in the index's <c>fieldVectors</c>.</summary>
public sealed record FieldVector(FieldRef FieldRef, Vector Vector);
