using System.Text;
using ArchiveSite.Ingest;
using ArchiveSite.Model;

namespace ArchiveSite.Tests.Support;

/// <summary>
/// A transcript as one fact per line, the form the reader spec files write their expectations in
/// (see /work/brief/SPECS.md): metadata, speakers, sections and turns, quotes, removed lines, diagnostics.
/// </summary>
public static class TranscriptOutline
{
    public static string Render(Transcript transcript)
    {
        var lines = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                lines.Add($"{key}: {value}");
        }

        Add("title", transcript.Title);
        Add("series", transcript.Series);
        Add("date", transcript.Date?.ToString("yyyy-MM-dd"));
        Add("episode", transcript.Episode);
        foreach (var topic in transcript.Topics)
            Add("topic", topic);
        foreach (var speaker in transcript.Speakers)
        {
            var line = new StringBuilder($"speaker {speaker.Id}: {speaker.Name}");
            if (!string.IsNullOrEmpty(speaker.Credentials))
                line.Append($" ({speaker.Credentials})");
            if (speaker.Labels.Count > 0)
                line.Append($" [{string.Join(" | ", speaker.Labels)}]");
            lines.Add(line.ToString());
        }
        foreach (var section in transcript.Sections)
        {
            Add("section", section.Heading);
            foreach (var turn in section.Turns)
            {
                lines.Add(turn.Start is { } start ? $"turn {turn.SpeakerId} @{Timestamps.Format(start)}" : $"turn {turn.SpeakerId}");
                lines.AddRange(turn.Paragraphs.Select(p => "  " + p));
            }
        }
        foreach (var quote in transcript.Quotes)
            lines.Add($"quote {quote.SpeakerId ?? "?"} t{quote.Turn?.ToString() ?? "?"}: {quote.Text}");
        foreach (var removed in transcript.Removed)
            lines.Add($"removed {removed.Line} {removed.Kind}: {removed.Text}");
        foreach (var diagnostic in transcript.Diagnostics.Where(d => d.Severity != Severity.Info))
            lines.Add($"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Line}: {diagnostic.Message}");
        return string.Join('\n', lines);
    }
}
