using System.Collections;

namespace Lunr;

/// <summary>Document refs of one posting field, stored as ids into the builder's table of distinct refs.</summary>
internal sealed class DocRefList(IReadOnlyList<int> refIds, string[] refs) : IReadOnlyList<string>
{
    public static DocRefList Empty { get; } = new([], []);

    public string this[int index] => refs[refIds[index]];

    public int Count => refIds.Count;

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var id in refIds)
            yield return refs[id];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
