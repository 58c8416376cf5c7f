using ArchiveSite.Model;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Court and deposition transcripts number every line in the margin (1-25 on each page). This pass decides
/// from the document itself whether it does (most lines start with a small number that counts up line after
/// line), and if so strips the numbers, keeping the indentation after them, and drops lines that were only a
/// number. Lines without a number are flagged: in such documents they are page furniture or back matter.
/// </summary>
internal static class MarginLineNumbers
{
    const int MaxLineNumber = 40;

    public static List<SourceLine> Strip(List<SourceLine> lines, List<RemovedLine> removed, out bool numbered)
    {
        numbered = UsesMarginNumbers(lines);
        if (!numbered)
            return lines;

        var result = new List<SourceLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                result.Add(line);
                continue;
            }
            var width = NumberWidth(line, out _);
            if (width == 0)
            {
                result.Add(line with { Unnumbered = true });
                continue;
            }
            var rest = line.Text[width..];
            if (string.IsNullOrWhiteSpace(rest))
                removed.Add(new RemovedLine(line.Number, "line-number", line.Trimmed));
            else
                result.Add(line with { Text = rest });
        }
        return result;
    }

    static bool UsesMarginNumbers(List<SourceLine> lines)
    {
        int content = 0, numberedLines = 0, counting = 0, previous = -1;
        foreach (var line in lines)
        {
            if (line.IsBlank)
                continue;
            content++;
            if (NumberWidth(line, out var value) == 0)
                continue;
            numberedLines++;
            if (value == previous + 1 || value == 1)
                counting++;
            previous = value;
        }
        return numberedLines >= 20 && numberedLines * 10 >= content * 4 && counting * 10 >= numberedLines * 8;
    }

    /// <summary>
    /// Most lines open with a word, and those are told from the trimmed text alone: the whole line of every
    /// line would be a string again.
    /// </summary>
    static int NumberWidth(SourceLine line, out int value)
    {
        value = 0;
        return line.Indent > 3 || line.IsBlank || !char.IsAsciiDigit(line.Trimmed[0]) ? 0 : NumberWidth(line.Text, out value);
    }

    /// <summary>Length of the leading "  12" prefix (up to 3 spaces, 1-2 digits, then a space or the end), or 0.</summary>
    static int NumberWidth(string text, out int value)
    {
        value = 0;
        var i = 0;
        while (i < text.Length && i < 3 && text[i] == ' ')
            i++;
        var start = i;
        while (i < text.Length && i - start < 3 && char.IsAsciiDigit(text[i]))
            value = value * 10 + (text[i++] - '0');
        var digits = i - start;
        if (digits is 0 or > 2 || value is 0 or > MaxLineNumber)
            return 0;
        return i == text.Length || text[i] == ' ' ? i : 0;
    }
}
