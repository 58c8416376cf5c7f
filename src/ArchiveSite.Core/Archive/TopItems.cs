namespace ArchiveSite.Archive;

/// <summary>
/// The first <c>count</c> items in an order, without sorting them all: the same as <c>OrderBy(...).Take(count)</c>
/// for an order that ranks no two items equal, at a cost near one pass when <c>count</c> is small.
/// </summary>
public static class TopItems
{
    public static List<T> Of<T>(IEnumerable<T> items, int count, Comparison<T> order)
    {
        var top = new List<T>(count + 1);
        var comparer = Comparer<T>.Create(order);
        foreach (var item in items)
        {
            if (top.Count == count && order(item, top[^1]) >= 0)
                continue;
            var at = top.BinarySearch(item, comparer);
            top.Insert(at < 0 ? ~at : at, item);
            if (top.Count > count)
                top.RemoveAt(count);
        }
        return top;
    }
}
