using System.Text;

namespace ArchiveSite.Output;

/// <summary>
/// The theme's own scripts without comments, indentation, blank lines and the spaces between tokens that
/// need none: the search page's first query loads them whole, and about half their bytes are comments and
/// spaces. Line breaks stay (the scripts rely on them to end statements), and so does everything inside a
/// string or a regular expression literal, which each line is read token by token to tell apart; a space
/// stays where two tokens would otherwise run together (words, "+ +", "- -"). Removing these never changes
/// what ES5 code means, except inside a string continued over lines with a backslash, so the line after one
/// is kept as it is; a script with a template literal (a backquote in code), with a comment opened after
/// code and left open at the line's end, or with a line it cannot read to its end (a string or regular
/// expression left open) is left alone. Then the names declared inside functions get short ones
/// (<see cref="ShortLocalNames"/>).
/// </summary>
public static class CompactScript
{
    public static string Of(string script)
    {
        var compact = new StringBuilder(script.Length);
        var inComment = false;
        var continued = false;
        foreach (var line in script.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (continued)
            {
                compact.Append(text).Append('\n');
                continued = text.EndsWith('\\');
                continue;
            }
            var trimmed = text.Trim();
            if (!inComment && trimmed.StartsWith("/*", StringComparison.Ordinal))
            {
                inComment = true;
                trimmed = trimmed[2..];
            }
            if (inComment)
            {
                var end = trimmed.IndexOf("*/", StringComparison.Ordinal);
                if (end < 0) continue;
                inComment = false;
                // What follows the comment on its last line is code; the comment itself stood for a line break.
                trimmed = trimmed[(end + 2)..].Trim();
            }
            var tight = Tighten(trimmed);
            if (tight is null || tight.Contains('`')) return script;
            if (tight.Length == 0) continue;
            compact.Append(tight).Append('\n');
            continued = tight.EndsWith('\\');
        }
        return ShortLocalNames.Of(compact.ToString());
    }

    /// <summary>
    /// One line's tokens with only the spaces they need and without its comments, or null when the line
    /// leaves a comment, string or regular expression open that it cannot follow (a string continued with a
    /// backslash is kept to the line's end as it is).
    /// </summary>
    static string? Tighten(string line)
    {
        var output = new StringBuilder(line.Length);
        var spaceBefore = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                spaceBefore = true;
                i++;
                continue;
            }
            var next = i + 1 < line.Length ? line[i + 1] : '\0';
            if (c == '/' && next == '/') break;
            if (c == '/' && next == '*')
            {
                var end = line.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0) return null;
                spaceBefore = true;
                i = end + 2;
                continue;
            }
            var start = i;
            if (c is '"' or '\'')
            {
                i = EndOfString(line, i);
            }
            else if (c == '/' && RegexMayStart(output))
            {
                i = EndOfRegex(line, i);
                if (i < 0) return null;
            }
            else if (IsWordCharacter(c))
            {
                while (i < line.Length && IsWordCharacter(line[i])) i++;
            }
            else
            {
                i++;
            }
            if (spaceBefore && output.Length > 0 && NeedsSpace(output[^1], line[start])) output.Append(' ');
            spaceBefore = false;
            output.Append(line, start, i - start);
        }
        return output.ToString();
    }

    // Past the closing quote, or the line's end for a string continued on the next line.
    static int EndOfString(string line, int quote)
    {
        for (var i = quote + 1; i < line.Length; i++)
        {
            if (line[i] == '\\') i++;
            else if (line[i] == line[quote]) return i + 1;
        }
        return line.Length;
    }

    // Past the literal's flags, or -1 when the line ends inside it.
    static int EndOfRegex(string line, int slash)
    {
        var inClass = false;
        for (var i = slash + 1; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\\': i++; break;
                case '[': inClass = true; break;
                case ']': inClass = false; break;
                case '/' when !inClass:
                    i++;
                    while (i < line.Length && IsWordCharacter(line[i])) i++;
                    return i;
            }
        }
        return -1;
    }

    internal static readonly string[] KeywordsBeforeAnExpression = ["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw"];

    /// <summary>The characters after which an expression (so a regular expression literal) may start.</summary>
    internal const string OperatorsBeforeAnExpression = "(,=:[!&|?{};+-*%<>~^";

    // A slash starts a regular expression where an expression may start: at the line's start, after an
    // operator or opening bracket, or after a keyword that takes an expression; after a name, number or
    // closing bracket it divides.
    static bool RegexMayStart(StringBuilder output)
    {
        if (output.Length == 0) return true;
        var last = output[^1];
        if (OperatorsBeforeAnExpression.Contains(last)) return true;
        if (!IsWordCharacter(last)) return false;
        var wordStart = output.Length;
        while (wordStart > 0 && IsWordCharacter(output[wordStart - 1])) wordStart--;
        var word = output.ToString(wordStart, output.Length - wordStart);
        return KeywordsBeforeAnExpression.Contains(word);
    }

    static bool NeedsSpace(char before, char after) =>
        (IsWordCharacter(before) && IsWordCharacter(after))
        || (before == after && before is '+' or '-')
        || (char.IsAsciiDigit(before) && after == '.')
        || (before == '-' && after == '>')
        || (before == '<' && after == '!')
        || (before == '/' && after is '/' or '*');

    internal static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or > '\u007f';
}
