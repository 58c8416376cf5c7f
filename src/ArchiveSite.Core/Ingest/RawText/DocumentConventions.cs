namespace ArchiveSite.Ingest.RawText;

/// <summary>What one document's layout looks like, learned from the document before any line is classified.</summary>
/// <param name="LabelFamily">How turns are labelled; null when the document has no labels at all.</param>
/// <param name="LabelsIndented">Labels sit at a paragraph indent, so an unindented "Mr. Smith." is wrapped prose.</param>
/// <param name="RunningLines">Normalised texts of lines repeated on pages (running headers and footers) with their kind.</param>
/// <param name="DoubleSpaced">A blank line follows nearly every line, so one blank line is not a paragraph break.</param>
/// <param name="BodyIndent">The indentation of most lines.</param>
/// <param name="TypicalWidth">How long a full line is (90th percentile), to tell a paragraph's short last line.</param>
/// <param name="TrailingSpaceBreaks">Lines end in one space, and a paragraph's last line in two or more.</param>
/// <param name="IndentedParagraphs">Paragraphs open with an indented line.</param>
/// <param name="SpaceMarksPageStart">A line indented by exactly one space opens a page (some PDF extractions).</param>
internal sealed record DocumentConventions(
    LabelFamily? LabelFamily,
    bool LabelsIndented,
    Dictionary<string, string> RunningLines,
    bool DoubleSpaced,
    int BodyIndent,
    int TypicalWidth,
    bool TrailingSpaceBreaks,
    bool IndentedParagraphs,
    bool SpaceMarksPageStart)
{
    public const int ParagraphIndentStep = 2;

    public SpeakerLabel? LabelAt(SourceLine line)
    {
        if (LabelFamily is not { } family || line.IsBlank || line.Unnumbered)
            return null;
        if (LabelsIndented && line.Indent < BodyIndent + ParagraphIndentStep)
            return null;
        return LabelRecognizer.Match(line.Trimmed, family);
    }

    /// <summary>Asked of every line, so the key is built on the stack when the line is not very long.</summary>
    public string? RunningLineKind(string trimmed)
    {
        if (RunningLines.Count == 0)
            return null;
        if (trimmed.Length > 256)
            return RunningLines.GetValueOrDefault(RunningLineKey.Of(trimmed));
        Span<char> key = stackalloc char[trimmed.Length];
        return RunningLines.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key[..RunningLineKey.Write(trimmed, key)], out var kind) ? kind : null;
    }
}
