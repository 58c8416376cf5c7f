using System.Text.RegularExpressions;

namespace ArchiveSite.Checking;

/// <summary>The URLs a stylesheet loads: url(...) values and @import strings.</summary>
public static partial class StylesheetUrls
{
    [GeneratedRegex("""url\(\s*(?:"(?<u>[^"]*)"|'(?<u>[^']*)'|(?<u>[^)'"\s]*))\s*\)|@import\s+(?:"(?<u>[^"]*)"|'(?<u>[^']*)')""")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    public static IEnumerable<string> Find(string css) =>
        UrlPattern().Matches(Comment().Replace(css, ""))
            .Select(m => m.Groups["u"].Value.Trim())
            .Where(u => u.Length > 0 && !u.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
}
