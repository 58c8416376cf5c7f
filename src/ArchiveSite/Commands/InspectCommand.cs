using ArchiveSite.Ingest;
using ArchiveSite.Model;

namespace ArchiveSite.Cli.Commands;

/// <summary>Shows how one transcript was read: a summary, or the whole parse as JSON with --json.</summary>
public sealed class InspectCommand(TextWriter? output = null) : ICommand
{
    const int ExamplesPerKind = 3;

    public string Name => "inspect";
    public string Summary => "inspect FILE [--json]: show how a transcript was read";

    TextWriter Out => output ?? Console.Out;

    public Task<int> RunAsync(CommandLineOptions options)
    {
        if (options.Positional.Count != 1)
        {
            Console.Error.WriteLine("usage: inspect FILE [--json]");
            return Task.FromResult(2);
        }
        var path = options.Positional[0];
        var transcript = TranscriptReader.ReadFile(path);
        if (options.Has("--json"))
            Out.WriteLine(TranscriptJson.ToJson(transcript));
        else
            WriteSummary(transcript, path);
        return Task.FromResult(transcript.Diagnostics.Any(d => d.Severity == Severity.Error) ? 1 : 0);
    }

    void WriteSummary(Transcript transcript, string path)
    {
        var turns = transcript.Turns.ToList();
        Out.WriteLine($"file:     {path}");
        Out.WriteLine($"reader:   {Describe(path)}");
        Out.WriteLine($"slug:     {transcript.Slug}");
        Field("title", transcript.Title);
        Field("series", transcript.Series);
        Field("episode", transcript.Episode);
        Field("date", transcript.Date?.ToString("yyyy-MM-dd"));
        if (transcript.Topics.Count > 0)
            Field("topics", string.Join(", ", transcript.Topics));
        Out.WriteLine($"turns:    {turns.Count} ({turns.Sum(t => t.Paragraphs.Sum(WordCount))} words)");

        Out.WriteLine();
        Out.WriteLine($"speakers ({transcript.Speakers.Count}):");
        foreach (var speaker in transcript.Speakers)
        {
            var credentials = speaker.Credentials is null ? "" : $" ({speaker.Credentials})";
            var labels = speaker.Labels.Count == 0 ? "" : $"  labels: {string.Join(" | ", speaker.Labels)}";
            Out.WriteLine($"  {speaker.Id}: {speaker.Name}{credentials}  turns: {turns.Count(t => t.SpeakerId == speaker.Id)}{labels}");
        }

        Out.WriteLine();
        Out.WriteLine($"sections ({transcript.Sections.Count}):");
        foreach (var section in transcript.Sections)
            Out.WriteLine($"  line {section.Line}: {section.Heading ?? "(no heading)"}  turns: {section.Turns.Count}");

        Out.WriteLine();
        Out.WriteLine($"quotes ({transcript.Quotes.Count}):");
        foreach (var quote in transcript.Quotes)
        {
            var where = quote.Turn is { } turn
                ? $"{quote.SpeakerId ?? "?"}, turn {turn}{(quote.Section is null ? "" : $" in '{quote.Section}'")}"
                : quote.SpeakerId is null ? "not attributed" : $"{quote.SpeakerId}, turn not found";
            Out.WriteLine($"  line {quote.Line}: \"{Shorten(quote.Text)}\"  ({where})");
        }

        Out.WriteLine();
        Out.WriteLine($"removed ({transcript.Removed.Count}):");
        foreach (var group in transcript.Removed.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            Out.WriteLine($"  {group.Key}: {group.Count()}");
            foreach (var removed in group.Take(ExamplesPerKind))
                Out.WriteLine($"    line {removed.Line}: {Shorten(removed.Text)}");
        }

        Out.WriteLine();
        Out.WriteLine($"diagnostics ({transcript.Diagnostics.Count}):");
        foreach (var diagnostic in transcript.Diagnostics)
            Out.WriteLine($"  {diagnostic}");
    }

    void Field(string name, string? value)
    {
        if (value is not null)
            Out.WriteLine($"{name + ":",-10}{value}");
    }

    static string Describe(string path)
    {
        try
        {
            var decoded = Ingest.Decoding.TextDecoder.Decode(path, File.ReadAllBytes(path));
            return decoded.Text is null
                ? "none (not readable text)"
                : $"{TranscriptFormats.Detect(path, decoded.Text)} ({decoded.EncodingName})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "none (the file cannot be read)";
        }
    }

    static int WordCount(string paragraph) => paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
