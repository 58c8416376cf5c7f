namespace ArchiveSite.Ingest.RawText;

/// <summary>A person named in a transcript's header line, with credentials when printed ("Ron Siegel, PsyD").</summary>
internal sealed record NamedPerson(string Name, string? Credentials);

/// <summary>
/// Reads header lines such as <c>Week 110, Day 5: Ron Siegel, PsyD and Kelly McGonigal, PhD</c>: an optional
/// prefix (the episode) before a colon, then a list of names, each optionally followed by credentials.
/// </summary>
internal static class PeopleLine
{
    static readonly string[] Separators = [" and ", " & ", ";", ","];

    public static bool TryParse(string text, out string? prefix, out List<NamedPerson> people)
    {
        prefix = null;
        people = [];
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        var list = text;
        if (colon > 0)
        {
            prefix = text[..colon].Trim();
            list = text[(colon + 2)..];
        }
        var tokens = list.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var withCredentials = 0;
        foreach (var token in tokens)
        {
            if (people.Count > 0 && IsCredential(token))
            {
                var last = people[^1];
                if (last.Credentials is null)
                    withCredentials++;
                people[^1] = last with { Credentials = last.Credentials is null ? token : last.Credentials + ", " + token };
            }
            else if (IsPersonName(token))
            {
                people.Add(new NamedPerson(token, null));
            }
            else
            {
                people = [];
                return false;
            }
        }
        return withCredentials > 0 || people.Count >= 2 && list.Contains(" and ", StringComparison.Ordinal);
    }

    /// <summary>"PhD", "PsyD", "MD", "Ph.D.", "LCSW": one short word with at least two capitals.</summary>
    static bool IsCredential(string token) =>
        token.Length is >= 2 and <= 8 && token.All(c => char.IsLetter(c) || c == '.') && token.Count(char.IsUpper) >= 2;

    static bool IsPersonName(string token)
    {
        var words = token.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4
               && words.All(word => char.IsUpper(word[0]) && word.All(c => char.IsLetter(c) || c is '.' or '\'' or '’' or '-'));
    }
}
