using ArchiveSite.Ingest.Metadata;
using ArchiveSite.Model;

namespace ArchiveSite.Ingest;

/// <summary>
/// Attaches the quotes a transcript's metadata declares. A quote naming its speaker keeps that speaker;
/// the turn it comes from is found by content (not yet: it waits for the shared content matcher).
/// </summary>
internal static class QuoteAttribution
{
    public static Transcript Attach(Transcript transcript, IReadOnlyList<DeclaredQuote> declared)
    {
        if (declared.Count == 0)
            return transcript;
        var diagnostics = new List<Diagnostic>(transcript.Diagnostics);
        var quotes = new List<Quote>(transcript.Quotes);
        foreach (var quote in declared)
        {
            string? speakerId = null;
            if (quote.Speaker is not null)
            {
                speakerId = FindSpeaker(transcript.Speakers, quote.Speaker)?.Id;
                if (speakerId is null)
                    diagnostics.Add(new Diagnostic(Severity.Warning, transcript.SourcePath, quote.Line,
                        $"the quote's speaker '{quote.Speaker}' is not a speaker of this transcript"));
            }
            quotes.Add(new Quote(quote.Text, speakerId, null, null, quote.Line));
        }
        return transcript with { Quotes = quotes, Diagnostics = [.. diagnostics.OrderBy(d => d.Line)] };
    }

    static Speaker? FindSpeaker(IReadOnlyList<Speaker> speakers, string name)
    {
        var bare = SpeakerNames.WithoutHonorific(name);
        return speakers.FirstOrDefault(s =>
            string.Equals(s.Id, name, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(SpeakerNames.WithoutHonorific(s.Name), bare, StringComparison.OrdinalIgnoreCase) ||
            s.Labels.Any(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase)))
            ?? speakers.FirstOrDefault(s => s.Id == SpeakerNames.IdFor(name));
    }
}
