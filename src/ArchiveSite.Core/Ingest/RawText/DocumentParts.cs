namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Splits the classified document into preamble (before the first label: title block, cover page, roster,
/// contents), body (the turns) and back matter (after the last turn, from an appendix or index heading on,
/// or lines without margin numbers in a numbered transcript).
/// </summary>
internal sealed record DocumentParts(List<ClassifiedLine> Preamble, List<ClassifiedLine> Body, List<ClassifiedLine> BackMatter)
{
    static readonly HashSet<string> BackMatterHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "APPENDIX", "INDEX", "EXHIBITS", "CERTIFICATE", "CERTIFICATION", "ERRATA",
    };

    public static DocumentParts Split(List<ClassifiedLine> lines)
    {
        var firstLabel = lines.FindIndex(line => line.Kind == LineKind.Label);
        if (firstLabel < 0)
            return new DocumentParts([], lines, []);
        var lastLabel = lines.FindLastIndex(line => line.Kind == LineKind.Label);
        var backStart = lines.Count;
        for (var i = lastLabel + 1; i < lines.Count; i++)
        {
            if (lines[i].NoiseKind == "back-matter" || lines[i].Kind is LineKind.Body or LineKind.Heading && IsBackMatterHeading(lines[i].Text))
            {
                backStart = i;
                break;
            }
        }
        return new DocumentParts(lines[..firstLabel], lines[firstLabel..backStart], lines[backStart..]);
    }

    static bool IsBackMatterHeading(string text) =>
        BackMatterHeadings.Contains(text.Replace(" ", "")) && !text.Any(char.IsLower);
}
