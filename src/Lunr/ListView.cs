using System.Collections;

namespace Lunr;

/// <summary>A read-only list whose items are made when read, from tables that hold them more compactly.</summary>
internal sealed class ListView<T>(int count, Func<int, T> itemAt) : IReadOnlyList<T>
{
    public int Count => count;

    public T this[int index] => (uint)index < (uint)count ? itemAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
            yield return itemAt(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
