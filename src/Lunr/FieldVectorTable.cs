namespace Lunr;

/// <summary>
/// lunr's field vectors held flat, one array for the whole index rather than one per vector: the vector of slot s
/// (field s % fieldCount of ref s / fieldCount) is <c>Elements[Starts[s]..Starts[s + 1]]</c>, sorted by term index.
/// </summary>
internal sealed record FieldVectorTable(int[] Starts, VectorElement[] Elements)
{
    public int Count => Starts.Length - 1;

    public ArraySegment<VectorElement> this[int slot] => new(Elements, Starts[slot], Starts[slot + 1] - Starts[slot]);
}
