using System.Text;

namespace ArchiveSite.Ingest.RawText;

internal static class SpaceRuns
{
    /// <summary>
    /// Trims and collapses runs of spaces (justified PDF text is full of them) to one. Unlike
    /// <see cref="Whitespace.Collapse"/> it allocates nothing for a line that needs no change: it runs on every line.
    /// </summary>
    public static string Collapse(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IndexOf("  ") < 0)
            return trimmed.Length == text.Length ? text : trimmed.ToString();
        var builder = new StringBuilder(trimmed.Length);
        var space = false;
        foreach (var c in trimmed)
        {
            if (c == ' ')
            {
                space = true;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
