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
        var reader = new QuoteTokenReader(text, new char[64]);
        while (reader.Next(out var token))
            tokens.Add(token.ToString());
        return tokens;
    }
}

/// <summary>
/// Reads the words of a text one at a time into a buffer, so that a caller that only looks words up
/// allocates nothing per word. Each word is valid until the next call.
/// </summary>
internal ref struct QuoteTokenReader(ReadOnlySpan<char> text, char[] buffer)
{
    readonly ReadOnlySpan<char> text = text;
    char[] buffer = buffer;
    int position;

    /// <summary>The buffer in use, grown if a word did not fit the one given.</summary>
    public readonly char[] Buffer => buffer;

    /// <summary>An FNV-1a hash of the last word read, taken as it was read: a cheap first test of whether it is one of a few.</summary>
    public uint Hash { get; private set; }

    public bool Next(out ReadOnlySpan<char> token)
    {
        var length = 0;
        var hash = 2166136261;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            char lower;
            // Nearly every character is ASCII: its case is folded here without the general lookup.
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
                lower = c;
            else if (char.IsAsciiLetterUpper(c))
                lower = (char)(c | 0x20);
            else if (!char.IsAscii(c) && char.IsLetterOrDigit(c))
                lower = char.ToLowerInvariant(c);
            else if (c is '\'' or '’' or '\u02BC')
                continue;
            else if (length > 0)
                break;
            else
                continue;
            if (length == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            buffer[length++] = lower;
            hash = (hash ^ lower) * 16777619;
        }
        token = buffer.AsSpan(0, length);
        Hash = hash;
        return length > 0;
    }
}
