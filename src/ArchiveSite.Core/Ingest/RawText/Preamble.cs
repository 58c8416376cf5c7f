using System.Globalization;
using ArchiveSite.Model;

namespace ArchiveSite.Ingest.RawText;

/// <summary>What the lines before the first turn say about the transcript.</summary>
internal sealed record DocumentHeader(string? Title, string? Series, string? Episode, DateOnly? Date, IReadOnlyList<NamedPerson> People);

/// <summary>
/// Reads the preamble (everything before the first speaker label): a header line naming the episode and
/// the guests with their credentials, the title (the heading right before the first turn, else the first
/// heading-like lines), a date line; and the series from a running footer that repeats the episode. Every
/// preamble line is accounted for in the removed lines: "metadata", "title", or "front-matter" for cover
/// pages, rosters and contents, which are not speech.
/// </summary>
internal static class Preamble
{
    static readonly string[] DateFormats =
        ["MMMM d, yyyy", "dddd, MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "dddd, d MMMM yyyy", "yyyy-MM-dd"];

    public static DocumentHeader Read(List<ClassifiedLine> preamble, IEnumerable<ClassifiedLine> furniture, List<RemovedLine> removed)
    {
        var content = preamble.Where(line => line.Kind is LineKind.Body or LineKind.Heading).ToList();
        var kinds = new Dictionary<int, string>();

        string? episode = null;
        var people = new List<NamedPerson>();
        foreach (var line in content.Take(5))
        {
            if (PeopleLine.TryParse(line.Text, out var prefix, out var found))
            {
                episode = prefix;
                people = found;
                kinds[line.Number] = "metadata";
                break;
            }
        }

        DateOnly? date = null;
        foreach (var line in content)
        {
            if (!kinds.ContainsKey(line.Number) && TryParseDate(line.Text, out var parsed))
            {
                date = parsed;
                kinds[line.Number] = "metadata";
                break;
            }
        }

        var titleLines = FindTitle(preamble, content, kinds);
        foreach (var line in titleLines)
            kinds[line.Number] = "title";
        var title = titleLines.Count > 0 ? string.Join(" ", titleLines.Select(line => line.Text)) : null;

        var series = SeriesFromFurniture(furniture, episode, ref title);

        foreach (var line in preamble)
        {
            if (line.Kind is LineKind.Blank)
                continue;
            var kind = line.Kind == LineKind.Noise ? line.NoiseKind! : kinds.GetValueOrDefault(line.Number, "front-matter");
            removed.Add(new RemovedLine(line.Number, kind, line.Kind == LineKind.Noise ? line.Text : line.Source.Trimmed));
        }
        return new DocumentHeader(title, series, episode, date, people);
    }

    static List<ClassifiedLine> FindTitle(List<ClassifiedLine> preamble, List<ClassifiedLine> content, Dictionary<int, string> taken)
    {
        var headings = new List<ClassifiedLine>();
        for (var i = content.Count - 1; i >= 0 && content[i].Kind == LineKind.Heading && !taken.ContainsKey(content[i].Number); i--)
            headings.Insert(0, content[i]);
        if (headings.Count > 0)
            return headings;

        var title = new List<ClassifiedLine>();
        foreach (var line in preamble)
        {
            if (line.Kind == LineKind.Blank)
                continue;
            var usable = line.Kind is LineKind.Body or LineKind.Heading && !taken.ContainsKey(line.Number) && !ParagraphRules.IsStageDirection(line.Text)
                         && HeadingFinder.HasHeadingShape(line.Text) && !PageFurniture.IsLetterSpacedHeading(line.Text);
            if (usable && title.Count < 3)
                title.Add(line);
            else if (title.Count > 0)
                break;
        }
        return title;
    }

    /// <summary>
    /// A footer such as "Next Level Practitioner - First Sessions  Week 110, Day 5 - Critical Insights - pg. 9"
    /// repeats the episode: the words before it name the series, the first part after it the title.
    /// </summary>
    static string? SeriesFromFurniture(IEnumerable<ClassifiedLine> furniture, string? episode, ref string? title)
    {
        if (string.IsNullOrEmpty(episode))
            return null;
        foreach (var line in furniture)
        {
            if (line.NoiseKind is not ("footer" or "header"))
                continue;
            var at = line.Text.IndexOf(episode, StringComparison.OrdinalIgnoreCase);
            if (at <= 0)
                continue;
            var series = SpaceRuns.Collapse(line.Text[..at].Trim(' ', '-', '|', '–', '—', ':'));
            if (title is null)
            {
                var after = line.Text[(at + episode.Length)..].Split(" - ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                title = after.Length > 0 ? after[0].Trim('-', ' ') : null;
            }
            return series.Length > 0 ? series : null;
        }
        return null;
    }

    static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim().TrimEnd('.'), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
}
