using System.Text.RegularExpressions;

namespace ArchiveSite.Ingest;

internal static partial class Whitespace
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Runs();

    /// <summary>One space between words, none at the ends: paragraphs are reflowed text.</summary>
    public static string Collapse(string text) => Runs().Replace(text, " ").Trim();
}
