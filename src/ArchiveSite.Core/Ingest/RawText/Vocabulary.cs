namespace ArchiveSite.Ingest.RawText;

/// <summary>The words a document uses (lowercase, hyphenated compounds kept whole), to settle line-end hyphens.</summary>
internal static class Vocabulary
{
    public static HashSet<string> Of(IEnumerable<ClassifiedLine> lines)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Kind is not (LineKind.Body or LineKind.Label))
                continue;
            foreach (var token in line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.AsSpan().Trim("\"“”‘’'.,;:!?()[]…—–-/");
                if (word.Length > 2)
                    words.Add(word.ToString().ToLowerInvariant());
            }
        }
        return words;
    }
}
