namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Decides what a hyphen at the end of a line was. A compound keeps it ("mother-in-" + "law", "child-" +
/// "guidance"); a word broken by the typesetter loses it ("informa-" + "tion"). The document's own words
/// decide first (if it prints "child-guidance" or "information" elsewhere, that settles it); otherwise a
/// right-hand part that is a typical word ending means a broken word, and anything else keeps the hyphen,
/// because joining a real compound loses more than leaving a rare broken word hyphenated.
/// </summary>
internal static class Hyphenation
{
    static readonly HashSet<string> WordEndings = new(StringComparer.Ordinal)
    {
        "tion", "tions", "sion", "sions", "ation", "ations", "ment", "ments", "ness", "ing", "ings", "ed", "er",
        "ers", "ly", "ity", "ities", "ance", "ances", "ence", "ences", "able", "ible", "ous", "ive", "ives", "al",
        "ally", "ism", "isms", "ist", "ists", "ize", "ized", "izes", "ise", "ised", "ful", "less", "ure", "ures",
        "ate", "ated", "ates", "ial", "ical", "ically", "ary", "ory", "cy", "ty", "ent", "ant", "est", "ies", "ic",
    };

    /// <param name="left">The fragment before the line break, ending in the hyphen ("infor-").</param>
    /// <param name="right">The word fragment that opens the next line ("mation").</param>
    public static bool KeepHyphen(string left, string right, IReadOnlySet<string>? vocabulary)
    {
        var stem = left[..^1];
        if (vocabulary is not null)
        {
            if (vocabulary.Contains((left + right).ToLowerInvariant()))
                return true;
            if (vocabulary.Contains((stem + right).ToLowerInvariant()))
                return false;
        }
        if (stem.Contains('-') || char.IsUpper(right[0]) || !char.IsLetter(right[0]))
            return true;
        return !WordEndings.Contains(right.ToLowerInvariant());
    }
}
