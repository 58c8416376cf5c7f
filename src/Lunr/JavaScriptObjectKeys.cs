namespace Lunr;

/// <summary>
/// The order of <c>Object.keys</c> (and so of <c>JSON.stringify</c>): keys that are array indices
/// ("0" … "4294967294", canonical form) come first in ascending numeric order, then the rest in insertion order.
/// </summary>
public static class JavaScriptObjectKeys
{
    const ulong MaxArrayIndex = 4294967294;

    public static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0'))
            return false;
        ulong value = 0;
        foreach (var c in key)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (uint)(c - '0');
        }
        if (value > MaxArrayIndex)
            return false;
        index = (uint)value;
        return true;
    }

    /// <summary>Keys given in insertion order, returned in JavaScript enumeration order (a stable reorder).</summary>
    public static IReadOnlyList<T> Order<T>(IReadOnlyList<T> itemsInInsertionOrder, Func<T, string> key)
    {
        // Common cases need no copy: no array index at all, or only array indices already ascending (refs
        // numbered in the order documents were added).
        var hasArrayIndex = false;
        var allAscendingIndices = true;
        long previous = -1;
        foreach (var item in itemsInInsertionOrder)
        {
            if (IsArrayIndex(key(item), out var index))
            {
                hasArrayIndex = true;
                allAscendingIndices &= index > previous;
                previous = index;
            }
            else
                allAscendingIndices = false;
            if (hasArrayIndex && !allAscendingIndices)
                break;
        }
        if (!hasArrayIndex || allAscendingIndices)
            return itemsInInsertionOrder;

        var indexed = new List<(uint Index, T Item)>();
        var others = new List<T>();
        foreach (var item in itemsInInsertionOrder)
            if (IsArrayIndex(key(item), out var index))
                indexed.Add((index, item));
            else
                others.Add(item);
        return [.. indexed.OrderBy(pair => pair.Index).Select(pair => pair.Item), .. others];
    }
}
