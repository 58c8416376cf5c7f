namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Where a paragraph ends, by the document's own convention: an indented first line, a blank line (two in
/// double-spaced text), two trailing spaces, or, where paragraphs are not indented, a short line that ends a
/// sentence. Stage directions on a line of their own ("[Laughter]") are paragraphs of their own.
/// </summary>
internal static class ParagraphRules
{
    const double ShortLineRatio = 0.7;

    /// <param name="blanks">Blank lines between the two lines.</param>
    /// <param name="interrupted">Removed lines (page furniture, pull quotes) stood between them; the blank lines then tell nothing.</param>
    public static bool BreakBetween(ClassifiedLine previous, ClassifiedLine next, int blanks, bool interrupted, DocumentConventions conventions)
    {
        if (IsStageDirection(previous.Text) || IsStageDirection(next.Text))
            return true;
        if (StartsIndented(next, conventions))
            return true;
        if (!interrupted && blanks >= (conventions.DoubleSpaced ? 2 : 1))
            return true;
        return EndsParagraph(previous, conventions);
    }

    public static bool EndsParagraph(ClassifiedLine line, DocumentConventions conventions)
    {
        if (conventions.TrailingSpaceBreaks && line.TrailingSpaces >= 2)
            return true;
        if (conventions.IndentedParagraphs || line.Text.Length == 0)
            return false;
        return EndsSentence(line.Text) && line.Source.LengthWithoutTrailingSpace < conventions.TypicalWidth * ShortLineRatio;
    }

    public static bool StartsIndented(ClassifiedLine line, DocumentConventions conventions) =>
        conventions.IndentedParagraphs && line.Kind is LineKind.Body or LineKind.Heading
        && line.Source.Indent >= conventions.BodyIndent + DocumentConventions.ParagraphIndentStep;

    /// <summary>"[Laughter]", "(Whereupon, the hearing was adjourned.)": a whole line in brackets.</summary>
    public static bool IsStageDirection(string text) =>
        text.Length >= 3 && (text[0] == '[' && text[^1] == ']' || text[0] == '(' && text[^1] == ')');

    static bool EndsSentence(string text)
    {
        var i = text.Length - 1;
        while (i > 0 && (QuotationMarks.IsClosing(text[i]) || text[i] is ')' or ']'))
            i--;
        return text[i] is '.' or '?' or '!' or ':';
    }
}
