using System.Text;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Joins a hard-wrapped line onto the text before it: with a space, with nothing after a slash
/// ("transference/" + "countertransference"), and across an end-of-line hyphen as <see cref="Hyphenation"/> decides.
/// </summary>
internal static class TextJoiner
{
    public static void Append(StringBuilder text, string next, IReadOnlySet<string>? vocabulary)
    {
        if (next.Length == 0)
            return;
        if (text.Length == 0)
        {
            text.Append(next);
            return;
        }
        var last = text[^1];
        if (last == '/')
        {
            text.Append(next);
            return;
        }
        if (last == '-' && text.Length >= 2 && char.IsLetter(text[^2]))
        {
            var left = TrailingWord(text);
            var right = LeadingWord(next);
            if (right.Length > 0)
            {
                if (!Hyphenation.KeepHyphen(left, right, vocabulary))
                    text.Length--;
                text.Append(next);
                return;
            }
        }
        text.Append(' ').Append(next);
    }

    /// <summary>The word fragment that ends the text, hyphen included ("mother-in-").</summary>
    static string TrailingWord(StringBuilder text)
    {
        var start = text.Length - 1;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '-' or '\'' or '’'))
            start--;
        return text.ToString(start, text.Length - start);
    }

    static string LeadingWord(string next)
    {
        var end = 0;
        while (end < next.Length && (char.IsLetter(next[end]) || next[end] is '-' or '\'' or '’'))
            end++;
        return next[..end];
    }
}
