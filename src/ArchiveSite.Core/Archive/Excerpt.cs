namespace ArchiveSite.Archive;

/// <summary>A short plain-text excerpt of a turn around the first word with a given stem.</summary>
public static class Excerpt
{
    const int WordsBefore = 12;
    const int WordsAfter = 24;

    public static string Around(string text, string stem)
    {
        var words = text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(words, w => WordStems.Of(w).Contains(stem, StringComparer.Ordinal));
        if (at < 0)
            at = 0;
        var start = Math.Max(0, at - WordsBefore);
        var end = Math.Min(words.Length, at + WordsAfter);
        var excerpt = string.Join(' ', words[start..end]);
        return (start > 0 ? "… " : "") + excerpt + (end < words.Length ? " …" : "");
    }
}
