using System.Text;

namespace ArchiveSite.Tests.Ingest.Specs;

/// <summary>One example of a reader spec file: an input fragment and the outline it must read as.</summary>
/// <param name="Location">"file.md:line" of the example's opening fence: the test case's name.</param>
public sealed record SpecExample(string Location, string Format, string Input, string Expected)
{
    const string Fence = "````````````````````````````````";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Ingest", "Specs");

    public static IReadOnlyList<SpecExample> All { get; } = LoadAll();

    static List<SpecExample> LoadAll() =>
        [.. Directory.GetFiles(Folder, "*.md").Order(StringComparer.Ordinal).SelectMany(Parse)];

    /// <summary>Parses the examples of one spec file; a malformed example fails loudly, never silently.</summary>
    public static IEnumerable<SpecExample> Parse(string path)
    {
        var name = Path.GetFileName(path);
        var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(Fence + " example", StringComparison.Ordinal))
                continue;
            var location = $"{name}:{i + 1}";
            var format = lines[i][(Fence + " example").Length..].Trim();
            if (format.Length == 0)
                throw new FormatException($"{location}: the example names no format (txt, md, vtt, srt)");
            var input = new StringBuilder();
            var expected = new StringBuilder();
            var target = input;
            var j = i + 1;
            for (; j < lines.Length && lines[j] != Fence; j++)
            {
                if (lines[j] == "." && target == input)
                {
                    target = expected;
                    continue;
                }
                target.Append(lines[j]).Append('\n');
            }
            if (j == lines.Length)
                throw new FormatException($"{location}: the example is never closed by a fence");
            if (target == input)
                throw new FormatException($"{location}: the example has no '.' line between input and expected outline");
            yield return new SpecExample(location, format, input.ToString().Replace('→', '\t'), expected.ToString().TrimEnd('\n'));
            i = j;
        }
    }
}
