using System.Runtime.CompilerServices;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Finds section headings: one to three short lines in title case or capitals, without closing punctuation,
/// that stand alone after a finished paragraph and are followed directly by a speaker label (a section opens
/// with a turn). That last condition keeps a short sentence or a wrapped name from being taken for a heading.
/// </summary>
internal static class HeadingFinder
{
    const int MaxHeadingLines = 3;
    const int MaxHeadingLength = 120;
    const int MaxHeadingWords = 16;

    public static List<ClassifiedLine> Mark(List<ClassifiedLine> lines, DocumentConventions conventions)
    {
        var result = new List<ClassifiedLine>(lines);
        var i = 0;
        while (i < result.Count)
        {
            if (result[i].Kind != LineKind.Body || !HasHeadingShape(result[i].Text, continues: true)
                || !FollowsFinishedParagraph(result, i, conventions))
            {
                i++;
                continue;
            }
            var run = new List<int> { i };
            var next = NextContent(result, i);
            while (next >= 0 && run.Count < MaxHeadingLines && result[next].Kind == LineKind.Body && HasHeadingShape(result[next].Text, continues: true))
            {
                run.Add(next);
                next = NextContent(result, next);
            }
            if (next >= 0 && result[next].Kind == LineKind.Label && HasHeadingShape(result[run[^1]].Text))
            {
                foreach (var index in run)
                    result[index] = result[index] with { Kind = LineKind.Heading };
                i = next;
            }
            else
            {
                i++;
            }
        }
        return result;
    }

    /// <param name="continues">The line may be followed by more lines of the same heading, so it may end in a comma.</param>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool HasHeadingShape(string text, bool continues = false)
    {
        if (text.Length is < 3 or > MaxHeadingLength)
            return false;
        if (PageFurniture.IsLetterSpacedHeading(text))
            return true;
        var last = text[^1];
        if (!char.IsLetter(text[0]) || !char.IsUpper(text[0]) || last == ',' && !continues
            || last is '.' or ';' or ':' or '!' or '?' or '-' or '–' or '—' or ')' or ']' || QuotationMarks.IsClosing(last))
            return false;
        // Asked of most body lines: words are counted and weighed in place rather than split into strings.
        if (text.AsSpan().Count(' ') + 1 > MaxHeadingWords)
            return false;
        // The first character is a letter (checked above), so a line without lowercase is in capitals.
        if (!HasLowercase(text))
            return true;
        int significant = 0, capitalised = 0;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range);
            if (word.Length < 4)
                continue;
            significant++;
            if (char.IsUpper(word[0]))
                capitalised++;
        }
        return significant > 0 && capitalised * 10 >= significant * 6;
    }

    static bool HasLowercase(string text)
    {
        foreach (var c in text)
            if (char.IsLower(c))
                return true;
        return false;
    }

    static bool FollowsFinishedParagraph(List<ClassifiedLine> lines, int index, DocumentConventions conventions)
    {
        var blanks = 0;
        for (var i = index - 1; i >= 0; i--)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case LineKind.Blank:
                    blanks++;
                    continue;
                case LineKind.Noise or LineKind.PullQuote:
                    continue;
                case LineKind.Heading:
                    return true;
                default:
                    if (ParagraphRules.StartsIndented(lines[index], conventions))
                        return true;
                    return ParagraphRules.EndsParagraph(line, conventions) || blanks > (conventions.DoubleSpaced ? 1 : 0);
            }
        }
        return true;
    }

    static int NextContent(List<ClassifiedLine> lines, int index)
    {
        for (var i = index + 1; i < lines.Count; i++)
            if (lines[i].Kind is LineKind.Body or LineKind.Label or LineKind.Heading)
                return i;
        return -1;
    }
}
