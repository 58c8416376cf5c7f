using System.Text.RegularExpressions;
using ArchiveSite.Ingest.Markdown;

namespace ArchiveSite.Ingest;

public enum TranscriptFormat { Markdown, WebVtt, Srt, RawText }

/// <summary>
/// Chooses a reader from the file's extension and its content: a caption file saved as .txt is still
/// captions, and a ".md" that is really text pulled out of a PDF (page marks, no labels, no front matter)
/// goes to the raw-text reader, which knows how to clean that up.
/// </summary>
public static partial class TranscriptFormats
{
    [GeneratedRegex(@"^(?:\d+[ \t]*\n)?[ \t]*" + Timestamps.Pattern + @"[ \t]+-->[ \t]+" + Timestamps.Pattern)]
    private static partial Regex SrtStart();

    [GeneratedRegex(@"^\*\*[^*\n]{1,60}(?::\*\*|\*\*:)", RegexOptions.Multiline)]
    private static partial Regex BoldLabel();

    [GeneratedRegex(@"^[^\n:]{1,60}:[ \t]+" + Timestamps.Pattern + @"[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex TimedLabel();

    [GeneratedRegex(@"^[ \t]*-{2,}[ \t]*Page[ \t]+\d+[ \t]*-{2,}[ \t]*$|\f", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PageMark();

    public static TranscriptFormat Detect(string sourcePath, string text)
    {
        var head = text.AsSpan().TrimStart();
        if (head.StartsWith("WEBVTT", StringComparison.Ordinal))
            return TranscriptFormat.WebVtt;
        if (SrtStart().IsMatch(head))
            return TranscriptFormat.Srt;

        return Path.GetExtension(sourcePath).ToLowerInvariant() switch
        {
            ".vtt" => TranscriptFormat.WebVtt,
            ".srt" => TranscriptFormat.Srt,
            ".md" or ".markdown" => LooksExtractedFromPdf(text) ? TranscriptFormat.RawText : TranscriptFormat.Markdown,
            ".txt" or ".text" or ".htm" or ".html" => TranscriptFormat.RawText,
            _ => FrontMatter.Opens(text) ? TranscriptFormat.Markdown : TranscriptFormat.RawText,
        };
    }

    static bool LooksExtractedFromPdf(string text) =>
        !FrontMatter.Opens(text) && !BoldLabel().IsMatch(text) && !TimedLabel().IsMatch(text) && PageMark().IsMatch(text);
}
