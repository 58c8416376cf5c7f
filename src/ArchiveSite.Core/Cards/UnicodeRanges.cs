using System.Globalization;

namespace ArchiveSite.Cards;

/// <summary>A set of code points written the way CSS <c>unicode-range</c> and fontsource's unicode.json write it.</summary>
internal sealed class UnicodeRanges
{
    readonly (int First, int Last)[] ranges;

    UnicodeRanges((int First, int Last)[] ranges) => this.ranges = ranges;

    /// <summary>Parses "U+0000-00FF,U+0131,U+1f1e9-1f1f5"; returns null when the text is not in that form.</summary>
    public static UnicodeRanges? Parse(string text)
    {
        var parsed = new List<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith("U+", StringComparison.OrdinalIgnoreCase))
                return null;
            var bounds = part[2..].Split('-');
            if (bounds.Length > 2 || !TryHex(bounds[0], out var first))
                return null;
            var last = first;
            if (bounds.Length == 2 && !TryHex(bounds[1], out last))
                return null;
            parsed.Add((first, last));
        }
        return new UnicodeRanges([.. parsed]);
    }

    public bool Contains(int codePoint)
    {
        foreach (var (first, last) in ranges)
            if (codePoint >= first && codePoint <= last)
                return true;
        return false;
    }

    static bool TryHex(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
}
