namespace Lunr;

/// <summary>
/// A built index seen term by term (<see cref="Builder.BuildByTerm"/>): the weights of lunr's field vectors
/// grouped by the term they belong to, which is the shape a reader cutting the index by term needs.
/// </summary>
/// <param name="Fields">Field names in lunr's order, as <see cref="Index.Fields"/>.</param>
/// <param name="Refs">Distinct document refs in order of first add, the order of lunr's field vectors.</param>
/// <param name="Terms">Every term, sorted by UTF-16 code units as <see cref="Index.InvertedIndex"/> is.</param>
public sealed record IndexByTerm(IReadOnlyList<string> Fields, IReadOnlyList<string> Refs, IReadOnlyList<TermWeights> Terms);

/// <summary>A term with its <c>_index</c> and, per field (in <see cref="IndexByTerm.Fields"/> order), where it occurs.</summary>
public sealed record TermWeights(string Term, int Index, IReadOnlyList<FieldWeights> ByField);

/// <summary>The documents whose field holds a term (positions in <see cref="IndexByTerm.Refs"/>, ascending) and the term's weight in each.</summary>
public sealed record FieldWeights(ArraySegment<int> RefIds, ArraySegment<double> Weights)
{
    public static FieldWeights None { get; } = new(ArraySegment<int>.Empty, ArraySegment<double>.Empty);
}
