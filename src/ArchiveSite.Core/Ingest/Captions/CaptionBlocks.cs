using System.Text.RegularExpressions;

namespace ArchiveSite.Ingest.Captions;

/// <summary>A run of non-blank lines; caption files are sequences of these.</summary>
internal sealed record CaptionBlock(IReadOnlyList<string> Lines, int Line);

internal static partial class CaptionBlocks
{
    [GeneratedRegex(@"^\s*(?<start>" + Timestamps.Pattern + @")\s*-->\s*(?<end>" + Timestamps.Pattern + @")(?<settings>.*)$")]
    private static partial Regex TimingLine();

    public static List<CaptionBlock> Split(string text)
    {
        var blocks = new List<CaptionBlock>();
        var current = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].Trim().Length > 0)
            {
                current.Add(lines[i].TrimEnd());
                continue;
            }
            if (current.Count > 0)
                blocks.Add(new CaptionBlock([.. current], i - current.Count + 1));
            current.Clear();
        }
        return blocks;
    }

    /// <summary>
    /// The cue in a block: an optional identifier line (an SRT number, a WebVTT id), the timing line, the
    /// text. A block with no timing line is text that lost its cue (a stray blank line); it is kept.
    /// </summary>
    public static Cue ToCue(CaptionBlock block, TranscriptBuilder builder)
    {
        var timingIndex = block.Lines.Count > 1 && !block.Lines[0].Contains("-->") && block.Lines[1].Contains("-->") ? 1 : 0;
        var timingLine = block.Lines[timingIndex];
        if (!timingLine.Contains("-->"))
        {
            builder.Warn(block.Line, "caption text without a timing line ('00:00:01.000 --> 00:00:02.000'); kept with the cue before it");
            return new Cue(null, null, block.Lines, block.Line);
        }
        var match = TimingLine().Match(timingLine);
        TimeSpan start = default, end = default;
        var readable = match.Success &&
                       Timestamps.TryParse(match.Groups["start"].Value, out start) &&
                       Timestamps.TryParse(match.Groups["end"].Value, out end);
        if (!readable)
            builder.Warn(block.Line + timingIndex, $"the cue timing '{timingLine.Trim()}' is not readable; its text is kept without a time");
        return new Cue(readable ? start : null, readable ? end : null,
            [.. block.Lines.Skip(timingIndex + 1)], block.Line + timingIndex + 1);
    }
}
