using System.Buffers;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Reads the whole document once to learn its conventions (label family, running headers and footers,
/// spacing, paragraph marks) so that classification follows this document rather than one known source.
/// </summary>
internal static class ConventionLearner
{
    const int MaxRunningLineLength = 100;
    const int MaxRunningLineWords = 14;

    public static DocumentConventions Learn(IReadOnlyList<SourceLine> lines)
    {
        var content = lines.Where(line => !line.IsBlank).ToList();
        var bodyIndent = BodyIndentOf(content);
        var (family, labelsIndented) = LearnLabels(content, bodyIndent + DocumentConventions.ParagraphIndentStep);
        var spaceMarksPageStart = bodyIndent == 0 && content.Count(line => line.Indent == 1) is var ones
                                  && ones > 0 && ones * 10 < content.Count;
        return new DocumentConventions(
            family,
            labelsIndented,
            LearnRunningLines(content, family, spaceMarksPageStart),
            IsDoubleSpaced(lines),
            bodyIndent,
            TypicalWidth(content),
            UsesTrailingSpaceBreaks(content),
            UsesIndentedParagraphs(content, bodyIndent),
            spaceMarksPageStart);
    }

    /// <param name="paragraphIndent">Indentation of a paragraph's first line, when paragraphs are indented.</param>
    static (LabelFamily?, bool) LearnLabels(List<SourceLine> content, int paragraphIndent)
    {
        LabelFamily? best = null;
        var bestIndented = false;
        var bestScore = 0.0;
        foreach (var family in new[] { LabelFamily.Colon, LabelFamily.Period })
        {
            var found = new List<(string Label, int Indent)>();
            foreach (var line in content)
                if (!line.Unnumbered && LabelRecognizer.Match(line.Trimmed, family) is { } label)
                    found.Add((label.Label, line.Indent));
            if (found.Count == 0)
                continue;
            var indents = found.Select(f => f.Indent).Order().ToList();
            var indented = indents[indents.Count / 2] >= paragraphIndent;
            var score = found.Where(f => !indented || f.Indent >= paragraphIndent)
                .GroupBy(f => f.Label, StringComparer.OrdinalIgnoreCase)
                .Sum(g => g.Count() >= 2 ? g.Count() : 0.5);
            if (score > bestScore)
                (best, bestIndented, bestScore) = (family, indented, score);
        }
        return (best, bestIndented);
    }

    /// <summary>
    /// A line is a running header or footer when it recurs (digits aside) at least three times without
    /// reading like a sentence, or twice with each occurrence right at a page boundary.
    /// </summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static Dictionary<string, string> LearnRunningLines(
        List<SourceLine> content, LabelFamily? family, bool spaceMarksPageStart)
    {
        var boundary = new bool[content.Count];
        var pageOpens = new bool[content.Count];
        var furniture = new string?[content.Count];
        for (var i = 0; i < content.Count; i++)
        {
            furniture[i] = PageFurniture.KindOf(content[i].Trimmed);
            pageOpens[i] = content[i].PageStart || spaceMarksPageStart && content[i].Indent == 1 || furniture[i] == "page-mark";
            boundary[i] = pageOpens[i] || furniture[i] == "page-number";
        }

        // Most lines are sentences that occur once: their keys are written side by side into one pooled buffer
        // and sorted, so only keys that recur become strings.
        var eligible = new List<int>();
        var total = 0;
        for (var i = 0; i < content.Count; i++)
        {
            var trimmed = content[i].Trimmed;
            if (trimmed.Length > MaxRunningLineLength || furniture[i] is not null || !ReadsLikeFurniture(trimmed))
                continue;
            eligible.Add(i);
            total += trimmed.Length;
        }
        var running = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = ArrayPool<char>.Shared.Rent(total);
        try
        {
            var keys = new KeyAt[eligible.Count];
            var used = 0;
            for (var k = 0; k < keys.Length; k++)
            {
                var length = RunningLineKey.Write(content[eligible[k]].Trimmed, text.AsSpan(used));
                keys[k] = new KeyAt(eligible[k], used, length);
                used += length;
            }
            Array.Sort(keys, (a, b) => a.Of(text).SequenceCompareTo(b.Of(text)) is var order and not 0 ? order : a.Line.CompareTo(b.Line));
            for (var first = 0; first < keys.Length;)
            {
                var end = first + 1;
                while (end < keys.Length && keys[end].Of(text).SequenceEqual(keys[first].Of(text)))
                    end++;
                var at = keys.AsSpan(first, end - first);
                first = end;
                if (at.Length < 2 || family is { } f && LabelRecognizer.Match(content[at[0].Line].Trimmed, f) is not null)
                    continue;
                var nearBoundary = 0;
                foreach (var key in at)
                    if (NearBoundary(boundary, key.Line))
                        nearBoundary++;
                if (at.Length >= 3 || nearBoundary == at.Length)
                    running[at[0].Of(text).ToString()] = OpensPage(pageOpens, boundary, at[0].Line) ? "header" : "footer";
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
        return running;
    }

    /// <summary>Where a line's running-line key was written in the shared buffer.</summary>
    readonly record struct KeyAt(int Line, int Start, int Length)
    {
        public ReadOnlySpan<char> Of(char[] text) => text.AsSpan(Start, Length);
    }

    /// <summary>
    /// Few words, and not ending like a sentence unless it holds a number (a footer "... pg. 9."). Asked of
    /// the trimmed line before its key is built: words are runs between spaces, and '#' in the key is a digit or '#'.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool ReadsLikeFurniture(string trimmed)
    {
        // Asked of nearly every line, and a line of prose has more words than a running line may: counting its spaces
        // (in one vectorised pass) settles it, since each space starts a word unless it follows another.
        var spaces = trimmed.AsSpan().Count(' ');
        if (spaces >= MaxRunningLineWords && (!trimmed.Contains("  ", StringComparison.Ordinal) || WordCount(trimmed) > MaxRunningLineWords))
            return false;
        return !(trimmed[^1] is '.' or '?' or '!' or ',' or ';' && trimmed.AsSpan().IndexOfAny(NumberMarks) < 0);
    }

    static int WordCount(string trimmed)
    {
        var words = 1;
        for (var i = 1; i < trimmed.Length; i++)
            if (trimmed[i] == ' ' && trimmed[i - 1] != ' ')
                words++;
        return words;
    }

    static readonly SearchValues<char> NumberMarks = SearchValues.Create("#0123456789");

    static bool NearBoundary(bool[] boundary, int i) =>
        i == 0 || i == boundary.Length - 1 || boundary[i] || boundary[i - 1] || boundary[i + 1];

    /// <summary>The line opens a page, or follows its opening with only page numbers between.</summary>
    static bool OpensPage(bool[] pageOpens, bool[] boundary, int i)
    {
        if (pageOpens[i])
            return true;
        for (var j = i - 1; j >= 0; j--)
        {
            if (pageOpens[j])
                return true;
            if (!boundary[j])
                return false;
        }
        return true;
    }

    static bool IsDoubleSpaced(IReadOnlyList<SourceLine> lines)
    {
        int pairs = 0, oneBlank = 0, blanks = 0;
        var seenContent = false;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                blanks++;
                continue;
            }
            if (seenContent)
            {
                pairs++;
                if (blanks == 1)
                    oneBlank++;
            }
            seenContent = true;
            blanks = 0;
        }
        return pairs >= 4 && oneBlank * 10 >= pairs * 6;
    }

    /// <summary>
    /// The smallest indentation that a quarter of the lines share: wrapped lines outnumber paragraph
    /// openings in real text, but a short fragment may have as many openings as wrapped lines.
    /// </summary>
    static int BodyIndentOf(List<SourceLine> content)
    {
        var counts = new int[41];
        foreach (var line in content)
            counts[Math.Min(line.Indent, 40)]++;
        var mode = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] * 4 >= content.Count)
                return i;
            if (counts[i] > counts[mode])
                mode = i;
        }
        return mode;
    }

    static int TypicalWidth(List<SourceLine> content)
    {
        if (content.Count == 0)
            return 80;
        var lengths = content.Select(line => line.LengthWithoutTrailingSpace).Order().ToList();
        return Math.Max(20, lengths[(int)(lengths.Count * 0.9)]);
    }

    static bool UsesTrailingSpaceBreaks(List<SourceLine> content)
    {
        int one = 0, more = 0;
        foreach (var line in content)
        {
            if (line.TrailingSpaces >= 2)
                more++;
            else if (line.TrailingSpaces == 1)
                one++;
        }
        return one > 0 && more > 0 && (one + more) * 2 >= content.Count;
    }

    static bool UsesIndentedParagraphs(List<SourceLine> content, int bodyIndent)
    {
        var starts = 0;
        for (var i = 1; i < content.Count; i++)
            if (content[i].Indent >= bodyIndent + DocumentConventions.ParagraphIndentStep
                && content[i - 1].Indent <= bodyIndent + 1 && !content[i].Unnumbered)
                starts++;
        return starts >= 2 && starts * 100 >= content.Count * 3;
    }
}
