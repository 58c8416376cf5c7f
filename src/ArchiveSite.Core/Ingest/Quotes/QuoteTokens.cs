using System.Text;

namespace ArchiveSite.Ingest.Quotes;

/// <summary>
/// Words as the quote matcher compares them: lowercase letters and digits only, so curly and straight
/// apostrophes, quotation marks, dashes and editors' ellipses (". . .") make no difference.
/// </summary>
public static class QuoteTokens
{
    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                word.Append(char.ToLowerInvariant(c));
            else if (c is '\'' or '’' or '\u02BC')
                continue;
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            tokens.Add(word.ToString());
        return tokens;
    }
}
