using System.Collections;
using ArchiveSite.Output;

namespace ArchiveSite.Site;

/// <summary>
/// A list of a page model made only when a layout reads it, and fingerprinted by <paramref name="fingerprint"/>, a hash
/// of everything <paramref name="make"/> reads: the body of a transcript page (every turn and paragraph) was most of
/// the cost of the page models and their fingerprints in a rebuild, which renders only the few pages that changed.
/// </summary>
public sealed class KeyedList<T>(string fingerprint, Func<IReadOnlyList<T>> make) : IReadOnlyList<T>, IFingerprinted
{
    readonly Lazy<IReadOnlyList<T>> _items = new(make);

    public string Fingerprint => fingerprint;

    public int Count => _items.Value.Count;

    public T this[int index] => _items.Value[index];

    public IEnumerator<T> GetEnumerator() => _items.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
