using System.Text.RegularExpressions;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Shapes of lines that belong to the printed page rather than to what was said: page marks
/// (<c>--- Page 3 ---</c>), bare page numbers (<c>12</c>, <c>-2-</c>), footers that end in a page number
/// (<c>Series  Week 1 - Title - pg. 9</c>), image placeholders (<c>[GRAPHIC] [TIFF OMITTED]</c>) and rules.
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>The removal kind for a line of one of these shapes, or null.</summary>
    public static string? KindOf(string trimmed)
    {
        if (trimmed.Length == 0)
            return null;
        // Every line is asked, and nearly all are prose: each pattern runs only on a line that opens (or ends) as
        // it must, which a look at one character tells, since even an anchored pattern costs a call to fail.
        var first = trimmed[0];
        if (MayOpenPageMark(first) && PageMark().IsMatch(trimmed))
            return "page-mark";
        if ((first == '-' || char.IsDigit(first)) && PageNumber().IsMatch(trimmed))
            return "page-number";
        if (first == '[' && Placeholder().IsMatch(trimmed))
            return "placeholder";
        if (IsRule(trimmed))
            return "separator";
        if (IsFooterWithPageNumber(trimmed))
            return "footer";
        return null;
    }

    /// <summary>What <see cref="PageMark"/> can open with: a rule, white space, a bracket or "page"/"pg" in either case.</summary>
    static bool MayOpenPageMark(char first) => first is '-' or '=' or '*' or '[' or 'p' or 'P' || char.IsWhiteSpace(first);

    /// <summary>"C O N T E N T S", "P R O C E E D I N G S": headings set in spaced capitals.</summary>
    public static bool IsLetterSpacedHeading(string trimmed) => LetterSpaced().IsMatch(trimmed);

    static bool IsFooterWithPageNumber(string trimmed) =>
        // The pattern ends in a number and is anchored only at the end, so it would be tried at every position of a line that does not.
        trimmed.Length <= 160 && char.IsDigit(trimmed[^1]) && EndsWithPageNumber().IsMatch(trimmed)
        && (trimmed.Contains(" - ", StringComparison.Ordinal) || trimmed.Contains(" | ", StringComparison.Ordinal)
            || trimmed.Contains("  ", StringComparison.Ordinal) || trimmed.Length <= 40);

    /// <summary>A line drawn with one or two repeated characters: "=====", "__________", "- - - - x".</summary>
    static bool IsRule(string trimmed)
    {
        var marks = 0;
        char first = '\0', second = '\0';
        foreach (var c in trimmed)
        {
            if (c == ' ')
                continue;
            if (c is not ('-' or '=' or '_' or '*' or '~' or '#' or '.' or '•' or 'x' or '+'))
                return false;
            marks++;
            if (first == '\0')
                first = c;
            else if (c != first && second == '\0')
                second = c;
            else if (c != first && c != second)
                return false;
        }
        return marks >= 3 && first is not ('x' or '.') || marks >= 5;
    }

    [GeneratedRegex(@"^(?:-{2,}|={2,}|\*{2,})?\s*\[?(?:page|pg\.?)\s*\d{1,4}(?:\s*of\s*\d{1,4})?\]?\s*(?:-{2,}|={2,}|\*{2,})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageMark();

    [GeneratedRegex(@"^(?:-\s?)?\d{1,4}(?:\s?-)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\[(?:GRAPHIC|TIFF OMITTED|IMAGE|FIGURE|PHOTO|PICTURE|CHART|MAP|ILLUSTRATION)\b[^\]]*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:\b(?:pg|page|p)\.?\s?\d{1,4}(?:\s?of\s?\d{1,4})?|\b\d{1,4}\s?of\s?\d{1,4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithPageNumber();

    [GeneratedRegex(@"^(?:\p{Lu} ){3,}\p{Lu}$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterSpaced();
}
