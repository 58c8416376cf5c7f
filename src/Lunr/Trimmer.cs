namespace Lunr;

/// <summary>
/// lunr.trimmer: strips leading and trailing JavaScript <c>\W</c> characters, which (without the regex
/// <c>u</c> flag) means anything outside <c>[A-Za-z0-9_]</c>, so "café" becomes "caf" and "..." becomes "".
/// </summary>
public static class Trimmer
{
    public const string Label = "trimmer";

    public static string Trim(string token)
    {
        var trimmed = Trim(token.AsSpan());
        return trimmed.Length == token.Length ? token : trimmed.ToString();
    }

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> token)
    {
        var start = 0;
        while (start < token.Length && !IsWordCharacter(token[start]))
            start++;
        var end = token.Length;
        while (end > start && !IsWordCharacter(token[end - 1]))
            end--;
        return token[start..end];
    }

    /// <summary>JavaScript <c>\w</c> without the <c>u</c> flag.</summary>
    public static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
