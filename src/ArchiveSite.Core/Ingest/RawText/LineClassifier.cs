namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Gives every line a first kind: blank, page furniture (marks, numbers, running headers and footers,
/// placeholders, rules), speaker label, or body. Pull quotes and headings are found by later passes, which
/// need to see the lines around them.
/// </summary>
internal static class LineClassifier
{
    public static List<ClassifiedLine> Classify(IReadOnlyList<SourceLine> lines, DocumentConventions conventions)
    {
        var lastNumbered = -1;
        for (var i = lines.Count - 1; i >= 0 && lastNumbered < 0; i--)
            if (!lines[i].IsBlank && !lines[i].Unnumbered)
                lastNumbered = i;

        var result = new List<ClassifiedLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
            result.Add(Classify(lines[i], conventions, afterLastNumbered: lines[i].Unnumbered && i > lastNumbered));
        return result;
    }

    static ClassifiedLine Classify(SourceLine line, DocumentConventions conventions, bool afterLastNumbered)
    {
        if (line.IsBlank)
            return new ClassifiedLine(line, LineKind.Blank, "");
        var trimmed = line.Trimmed;
        var noise = PageFurniture.KindOf(trimmed) ?? conventions.RunningLineKind(trimmed)
                    ?? (afterLastNumbered ? "back-matter" : null);
        if (noise is not null)
            return new ClassifiedLine(line, LineKind.Noise, trimmed, NoiseKind: noise);
        if (conventions.LabelAt(line) is { } label)
            return new ClassifiedLine(line, LineKind.Label, SpaceRuns.Collapse(label.Rest), label);
        return new ClassifiedLine(line, LineKind.Body, SpaceRuns.Collapse(trimmed));
    }
}
