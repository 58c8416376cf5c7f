using System.Text;
using ArchiveSite.Ingest;
using ArchiveSite.Model;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench export-markdown INPUT OUT</c>: writes every transcript of INPUT, as our readers understand it, as a
/// Hugo content page (<c>OUT/content/transcripts/&lt;slug&gt;.md</c>), so Hugo and Pagefind can build the very
/// same words for the side-by-side comparison in <c>bench/compare/</c>.
/// </summary>
static class ExportMarkdownCommand
{
    public const string Usage = "export-markdown INPUT OUT";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 2 || !Directory.Exists(args.Positional[0]))
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var files = TranscriptFiles.Under(args.Positional[0]);
        var content = Path.Combine(args.Positional[1], "content", "transcripts");
        Directory.CreateDirectory(content);
        Parallel.ForEach(files, file =>
        {
            var transcript = TranscriptReader.ReadFile(file);
            File.WriteAllText(Path.Combine(content, transcript.Slug + ".md"), Markdown(transcript));
        });
        Console.WriteLine($"{files.Length:N0} transcripts -> {content}");
        return 0;
    }

    static string Markdown(Transcript transcript)
    {
        var names = transcript.Speakers.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append("---\ntitle: \"").Append((transcript.Title ?? transcript.Slug).Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"\n---\n\n");
        foreach (var section in transcript.Sections)
        {
            if (section.Heading is { } heading)
                text.Append("## ").Append(heading).Append("\n\n");
            foreach (var turn in section.Turns)
            {
                text.Append("**").Append(names.GetValueOrDefault(turn.SpeakerId, turn.SpeakerId)).Append(":** ");
                text.AppendJoin("\n\n", turn.Paragraphs).Append("\n\n");
            }
        }
        return text.ToString();
    }
}
