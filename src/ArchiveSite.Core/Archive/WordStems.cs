namespace ArchiveSite.Archive;

/// <summary>
/// The words of a text as comparable stems, in order. Topic terms and turns go through the same function,
/// so "compassionate" in a turn meets "compassion" in topics.yml.
/// </summary>
public static class WordStems
{
    public static IReadOnlyList<string> Of(string text)
    {
        var stems = new List<string>();
        foreach (var token in text.Split((char[])[' ', '\t', '\n', '\r', '-', '\u2013', '\u2014'], StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = token.AsSpan().Trim("\"'“”‘’.,;:!?()[]{}…");
            if (trimmed.Length > 0)
                stems.Add(trimmed.ToString().ToLowerInvariant());
        }
        return stems;
    }
}
