using ArchiveSite.Model;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// PDF-to-text tools sometimes wrap their output in a thin Markdown shell: <c># name.pdf</c>, italic
/// <c>*Extracted on ...*</c> lines and a <c>## Document Content</c> heading before the text itself. Those
/// lines describe the extraction, not the transcript; this pass removes them (as "markup") from the top.
/// </summary>
internal static class ExtractionShell
{
    const int HeadLinesToSearch = 12;

    public static List<SourceLine> Strip(List<SourceLine> lines, List<RemovedLine> removed)
    {
        var shellEnd = -1;
        var sawFileHeading = false;
        for (var i = 0; i < lines.Count && i < HeadLinesToSearch; i++)
        {
            var text = lines[i].Trimmed;
            if (text.Length == 0)
                continue;
            if (IsFileHeading(text))
            {
                sawFileHeading = true;
                shellEnd = i;
            }
            else if (sawFileHeading && (IsItalicNote(text) || text.StartsWith("## ", StringComparison.Ordinal)))
                shellEnd = i;
            else
                break;
        }
        if (shellEnd < 0)
            return lines;

        for (var i = 0; i <= shellEnd; i++)
            if (!lines[i].IsBlank)
                removed.Add(new RemovedLine(lines[i].Number, "markup", lines[i].Trimmed));
        return lines.GetRange(shellEnd + 1, lines.Count - shellEnd - 1);
    }

    static readonly string[] DocumentExtensions = [".pdf", ".txt", ".doc", ".docx", ".rtf", ".htm", ".html"];

    /// <summary>"# 19910201_transcript.pdf": a level-one heading that is just a document's file name.</summary>
    static bool IsFileHeading(string text) =>
        text.StartsWith("# ", StringComparison.Ordinal)
        && DocumentExtensions.Any(extension => text.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    static bool IsItalicNote(string text) =>
        text.Length > 2 && (text[0] == '*' && text[^1] == '*' || text[0] == '_' && text[^1] == '_');
}
