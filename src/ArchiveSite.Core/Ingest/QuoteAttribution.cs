using ArchiveSite.Ingest.Metadata;
using ArchiveSite.Ingest.Quotes;
using ArchiveSite.Model;

namespace ArchiveSite.Ingest;

/// <summary>
/// Attaches the quotes a transcript's metadata declares to the turns they come from, found by content
/// (the shared <see cref="QuoteAttributor"/>). A quote that names its speaker keeps that speaker; when its
/// words are found only in someone else's turn, that disagreement is reported and no turn is linked.
/// </summary>
internal static class QuoteAttribution
{
    public static Transcript Attach(Transcript transcript, IReadOnlyList<DeclaredQuote> declared)
    {
        if (declared.Count == 0)
            return transcript;
        var diagnostics = new List<Diagnostic>(transcript.Diagnostics);
        var matched = QuoteAttributor.Attribute(transcript.Sections,
            declared.Select(q => new QuoteCandidate(q.Text, q.Line)), transcript.SourcePath, diagnostics);
        var quotes = new List<Quote>(transcript.Quotes);
        foreach (var (quote, found) in declared.Zip(matched))
        {
            if (quote.Speaker is null)
            {
                quotes.Add(found);
                continue;
            }
            var speakerId = FindSpeaker(transcript.Speakers, quote.Speaker)?.Id;
            if (speakerId is null)
                diagnostics.Add(new Diagnostic(Severity.Warning, transcript.SourcePath, quote.Line,
                    $"the quote's speaker '{quote.Speaker}' is not a speaker of this transcript"));
            else if (found.SpeakerId is not null && found.SpeakerId != speakerId)
                diagnostics.Add(new Diagnostic(Severity.Warning, transcript.SourcePath, quote.Line,
                    $"the quote is given to '{quote.Speaker}' but its words are in turn {found.Turn}, spoken by '{found.SpeakerId}'"));
            quotes.Add(found.SpeakerId == speakerId ? found : new Quote(quote.Text, speakerId, null, null, quote.Line));
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
