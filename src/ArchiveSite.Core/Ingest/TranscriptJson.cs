using System.Text;
using System.Text.Json;
using ArchiveSite.Model;
using ArchiveSite.Text;

namespace ArchiveSite.Ingest;

/// <summary>
/// The parsed transcript as JSON (the shape <c>inspect --json</c> prints): title, series, date, episode,
/// speakers, sections with turns, quotes, removed lines, diagnostics. The default encoder escapes HTML
/// characters and non-ASCII, so the output is safe inside a page as well as on a terminal.
/// </summary>
public static class TranscriptJson
{
    public static string ToJson(Transcript transcript, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
            Write(writer, transcript);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, Transcript transcript)
    {
        writer.WriteStartObject();
        writer.WriteString("title", transcript.Title);
        writer.WriteString("series", transcript.Series);
        writer.WriteString("date", transcript.Date?.ToString("yyyy-MM-dd"));
        writer.WriteString("episode", transcript.Episode);

        writer.WriteStartArray("speakers");
        foreach (var speaker in transcript.Speakers)
        {
            writer.WriteStartObject();
            writer.WriteString("id", speaker.Id);
            writer.WriteString("name", speaker.Name);
            writer.WriteString("credentials", speaker.Credentials);
            writer.WriteStringArray("labels", speaker.Labels);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("sections");
        foreach (var section in transcript.Sections)
        {
            writer.WriteStartObject();
            writer.WriteString("heading", section.Heading);
            writer.WriteStartArray("turns");
            foreach (var turn in section.Turns)
            {
                writer.WriteStartObject();
                writer.WriteString("speaker", turn.SpeakerId);
                writer.WriteString("start", turn.Start is { } start ? Timestamps.Format(start) : null);
                writer.WriteStringArray("paragraphs", turn.Paragraphs);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("quotes");
        foreach (var quote in transcript.Quotes)
        {
            writer.WriteStartObject();
            writer.WriteString("text", quote.Text);
            writer.WriteString("speaker", quote.SpeakerId);
            writer.WriteString("section", quote.Section);
            if (quote.Turn is { } turn)
                writer.WriteNumber("turn", turn);
            else
                writer.WriteNull("turn");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("removed");
        foreach (var removed in transcript.Removed)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", removed.Line);
            writer.WriteString("kind", removed.Kind);
            writer.WriteString("text", removed.Text);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in transcript.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            writer.WriteNumber("line", diagnostic.Line);
            writer.WriteString("message", diagnostic.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
