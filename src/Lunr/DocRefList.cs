using System.Collections;

namespace Lunr;

/// <summary>Document refs of one posting field, stored as ids into the builder's table of distinct refs.</summary>
internal sealed class DocRefList(IReadOnlyList<int> refIds, string[] refs) : IReadOnlyList<string>
{
    public static DocRefList Empty { get; } = new([], []);

    /// <summary>Positions in <see cref="Refs"/>, in the order the refs were added.</summary>
    public IReadOnlyList<int> RefIds => refIds;

    /// <summary>The builder's distinct refs, shared by every list of one index.</summary>
    public string[] Refs => refs;

    public string this[int index] => refs[refIds[index]];

    public int Count => refIds.Count;

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var id in refIds)
            yield return refs[id];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
