using System.Net;
using ArchiveSite.Model;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Some archives (GPO hearings) publish plain text inside an HTML page: <c>&lt;html&gt;...&lt;pre&gt;text&lt;/pre&gt;</c>.
/// This pass keeps only what is inside the <c>pre</c> element, decodes its entities, and records every line of
/// HTML around it as removed "markup".
/// </summary>
internal static class HtmlPreUnwrapper
{
    const int HeadLinesToSearch = 12;

    public static List<SourceLine> Unwrap(List<SourceLine> lines, List<RemovedLine> removed)
    {
        var open = FindOpeningLine(lines);
        if (open < 0)
            return lines;
        var close = FindClosingLine(lines, open);

        var kept = new List<SourceLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            if (i < open || i > close)
            {
                Remove(line, text, removed);
                continue;
            }
            if (i == open)
                text = AfterTag(text, "<pre");
            if (i == close && text is not null)
                text = BeforeTag(text, "</pre");
            if (text is null || (i == open || i == close) && string.IsNullOrWhiteSpace(text))
            {
                Remove(line, line.Text, removed);
                continue;
            }
            kept.Add(line with { Text = text.Contains('&') ? WebUtility.HtmlDecode(text) : text });
        }
        return kept;
    }

    static void Remove(SourceLine line, string text, List<RemovedLine> removed)
    {
        if (!string.IsNullOrWhiteSpace(text))
            removed.Add(new RemovedLine(line.Number, "markup", text.Trim()));
    }

    static int FindOpeningLine(List<SourceLine> lines)
    {
        var looksHtml = false;
        for (var i = 0; i < lines.Count && i < HeadLinesToSearch; i++)
        {
            var text = lines[i].Text;
            if (text.Contains("<html", StringComparison.OrdinalIgnoreCase)
                || text.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || text.Contains("<title", StringComparison.OrdinalIgnoreCase))
                looksHtml = true;
            if (text.Contains("<pre", StringComparison.OrdinalIgnoreCase))
                return looksHtml || text.TrimStart().StartsWith('<') ? i : -1;
        }
        return -1;
    }

    static int FindClosingLine(List<SourceLine> lines, int open)
    {
        for (var i = lines.Count - 1; i > open; i--)
            if (lines[i].Text.Contains("</pre", StringComparison.OrdinalIgnoreCase))
                return i;
        return lines.Count - 1;
    }

    static string? AfterTag(string text, string tag)
    {
        var at = text.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        var end = at < 0 ? -1 : text.IndexOf('>', at);
        return end < 0 ? null : text[(end + 1)..];
    }

    static string BeforeTag(string text, string tag)
    {
        var at = text.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? text : text[..at];
    }
}
