using System.Text;

namespace ArchiveSite.Ingest.RawText;

/// <summary>An editor's pull quote as printed, before it is attributed.</summary>
internal sealed record PulledQuote(string Text, int Line);

/// <summary>
/// Magazine-style layouts repeat a sentence of the conversation in a narrow box, set between body lines and
/// often right in the middle of a sentence. In the extracted text that box is a block of two or more short
/// lines (at most half a full line) that opens with a quotation mark and closes with one. This pass lifts
/// such blocks out of the flow so that the sentence around them reads on, and keeps their text as quotes.
/// </summary>
internal static class PullQuoteLifter
{
    const int MaxBlockLines = 10;
    const int MinShortLimit = 24;

    public static List<ClassifiedLine> Lift(List<ClassifiedLine> lines, DocumentConventions conventions, List<PulledQuote> quotes)
    {
        var shortLimit = Math.Max(MinShortLimit, conventions.TypicalWidth / 2);
        var result = new List<ClassifiedLine>(lines);
        for (var i = 0; i < result.Count; i++)
        {
            if (!IsBlockStart(result[i], shortLimit))
                continue;
            var block = FindBlock(result, i, shortLimit);
            if (block is null)
                continue;
            foreach (var index in block)
                result[index] = result[index] with { Kind = LineKind.PullQuote };
            quotes.Add(new PulledQuote(TextOf(result, block), result[i].Number));
            i = block[^1];
        }
        return result;
    }

    static bool IsBlockStart(ClassifiedLine line, int shortLimit) =>
        line.Kind == LineKind.Body && line.Text.Length <= shortLimit && line.Text.Length > 1
        && QuotationMarks.IsOpening(line.Text[0]) && !QuotationMarks.IsClosing(line.Text[^1]);

    /// <summary>Indexes of the block's lines, or null when no closing line follows soon enough.</summary>
    static List<int>? FindBlock(List<ClassifiedLine> lines, int start, int shortLimit)
    {
        var block = new List<int> { start };
        for (var i = start + 1; i < lines.Count && block.Count <= MaxBlockLines; i++)
        {
            var line = lines[i];
            if (line.Kind == LineKind.Blank)
                continue;
            if (line.Kind != LineKind.Body || line.Text.Length > shortLimit)
                return null;
            block.Add(i);
            if (QuotationMarks.IsClosing(line.Text[^1]))
                return block;
        }
        return null;
    }

    static string TextOf(List<ClassifiedLine> lines, List<int> block)
    {
        var text = new StringBuilder();
        foreach (var index in block)
            TextJoiner.Append(text, lines[index].Text, vocabulary: null);
        return QuotationMarks.StripOuter(text.ToString());
    }
}
