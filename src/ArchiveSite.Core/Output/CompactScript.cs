using System.Text;

namespace ArchiveSite.Output;

/// <summary>
/// The theme's own scripts without their comment lines, indentation and blank lines: the search page's
/// first query loads them whole, and about 40% of their bytes are comments and indentation. Only whole
/// lines go: a line that is a <c>//</c> comment, or a <c>/* ... */</c> comment that starts a line and ends
/// a line; a comment after code stays (telling it from <c>//</c> inside a string needs a JavaScript lexer).
/// Removing line-start whitespace and whole comment lines never changes what ES5 code means, except inside
/// a string continued over lines with a backslash, so the line after one is kept as it is; a script with a
/// template literal (a backquote in code) or with a comment opened after code and left open at the line's
/// end is left alone.
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
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal)) continue;
            // A template literal, or a comment opened after code and left open, runs over lines this does not
            // follow: leave the script alone.
            var opened = trimmed.LastIndexOf("/*", StringComparison.Ordinal);
            if (trimmed.Contains('`') || (opened >= 0 && trimmed.IndexOf("*/", opened + 2, StringComparison.Ordinal) < 0)) return script;
            compact.Append(trimmed).Append('\n');
            continued = trimmed.EndsWith('\\');
        }
        return compact.ToString();
    }
}
