using ArchiveSite.Model;

namespace ArchiveSite.Ingest.Quotes;

/// <summary>A quote as printed in a source, before it is known who said it.</summary>
public sealed record QuoteCandidate(string Text, int Line);

/// <summary>Attributes a transcript's quotes to turns by content; a quote that matches no turn gets a warning.</summary>
public static class QuoteAttributor
{
    public static List<Quote> Attribute(
        IReadOnlyList<Section> sections, IEnumerable<QuoteCandidate> candidates, string sourcePath, List<Diagnostic> diagnostics)
    {
        var asked = candidates.ToList();
        if (asked.Count == 0)
            return [];
        var matcher = new QuoteMatcher(sections, [.. asked.Select(c => c.Text)]);
        var quotes = new List<Quote>();
        foreach (var candidate in asked)
        {
            var match = matcher.FindTurn(candidate.Text);
            if (match is null)
                diagnostics.Add(new Diagnostic(Severity.Warning, sourcePath, candidate.Line,
                    $"the quote \"{Shorten(candidate.Text)}\" matches no turn, so it has no speaker"));
            quotes.Add(new Quote(candidate.Text, match?.Turn.SpeakerId, match?.SectionHeading, match?.TurnNumber, candidate.Line));
        }
        return quotes;
    }

    static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
