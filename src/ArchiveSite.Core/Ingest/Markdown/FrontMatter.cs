namespace ArchiveSite.Ingest.Markdown;

/// <summary>A Markdown file split into its YAML front matter (between "---" lines at the top) and its body.</summary>
/// <param name="Yaml">The YAML text, or null when the file has no front matter.</param>
/// <param name="YamlLine">Source line of the YAML's first line.</param>
/// <param name="BodyLine">Source line of the body's first line.</param>
/// <param name="Unclosed">The opening "---" has no closing line; the YAML was taken up to the first blank line.</param>
internal sealed record FrontMatter(string? Yaml, int YamlLine, string Body, int BodyLine, bool Unclosed)
{
    public static bool Opens(string text) => FirstLine(text).TrimEnd() == "---";

    public static FrontMatter Split(string text)
    {
        if (!Opens(text))
            return new FrontMatter(null, 0, text, 1, false);
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
            if (lines[i].TrimEnd() is "---" or "...")
                return new FrontMatter(Join(lines, 1, i), 2, Join(lines, i + 1, lines.Length), i + 2, false);

        // Unclosed: the keys usually stop at the first blank line, and the speech follows it. Reading the
        // rest as body keeps every word; reading it all as YAML would lose the transcript to one error.
        var blank = Array.FindIndex(lines, 1, l => l.Trim().Length == 0);
        var end = blank < 0 ? lines.Length : blank;
        return new FrontMatter(Join(lines, 1, end), 2, Join(lines, end, lines.Length), end + 1, true);
    }

    static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n');
        return newline < 0 ? text : text[..newline];
    }

    static string Join(string[] lines, int from, int to) => from >= to ? "" : string.Join('\n', lines[from..to]);
}
