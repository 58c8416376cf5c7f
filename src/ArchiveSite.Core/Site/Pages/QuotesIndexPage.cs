using ArchiveSite.Archive;
using ArchiveSite.Output;

namespace ArchiveSite.Site.Pages;

/// <summary><c>quotes/index.html</c>: every quote, grouped by speaker and again by topic.</summary>
public sealed class QuotesIndexPage : IPageSource
{
    public const string Path = "quotes/index.html";

    public IEnumerable<Page> PagesOf(TranscriptArchive archive)
    {
        if (archive.Quotes.Count == 0)
            yield break;
        yield return new Page(Path, "quotes",
            new PageHead("Quotes", $"Every quote in {archive.Site.Title}, by speaker and by topic."),
            new ModelMadeWhenRendered(parts => Fingerprint(parts, archive), () => ViewOf(archive)));
    }

    /// <summary>The page's model; what it reads of the archive is in <see cref="Fingerprint"/>.</summary>
    public static QuotesIndexView ViewOf(TranscriptArchive archive)
    {
        var bySpeaker = archive.Quotes
            .GroupBy(q => q.PersonId is { } id && archive.HasPerson(id) ? id : null)
            .Select(g => new QuoteGroup(
                g.Key is null ? "Unattributed" : archive.Person(g.Key).Name,
                g.Key is null ? null : Urls.Relative(Path, Urls.Speaker(g.Key)),
                g.Select(q => Lists.Quote(archive, q, Path)).ToList()))
            .OrderBy(g => g.Url is null).ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();

        var byTopic = archive.Quotes
            .SelectMany(q => TopicsOf(archive, q).Select(topic => (topic, q)))
            .GroupBy(x => x.topic)
            .Select(g => new QuoteGroup(archive.Topic(g.Key).Name, Urls.Relative(Path, Urls.Topic(g.Key)),
                g.Select(x => Lists.Quote(archive, x.q, Path)).ToList()))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .ToList();

        return new QuotesIndexView(archive.Quotes.Count, bySpeaker, byTopic);
    }

    /// <summary>
    /// Everything <see cref="ViewOf"/> reads: every quote as a list shows it (its speaker's name included), whether its
    /// speaker is known, and its topics with their names; the groups and their order follow from these.
    /// </summary>
    public static HashedParts Fingerprint(HashedParts parts, TranscriptArchive archive)
    {
        parts.Add("quotes index").Add(archive.Quotes.Count);
        foreach (var quote in archive.Quotes)
        {
            var topics = TopicsOf(archive, quote);
            parts.AddQuote(archive, quote).Add(quote.PersonId is { } id && archive.HasPerson(id) ? "known" : "unknown").Add(topics.Count);
            foreach (var topic in topics)
                parts.Add(topic).Add(archive.Topic(topic).Name);
        }
        return parts;
    }

    /// <summary>The topics discussed in the quote's turn; the transcript's topics when its turn has none.</summary>
    static IReadOnlyList<string> TopicsOf(TranscriptArchive archive, ArchivedQuote quote)
    {
        var transcript = archive.Transcript(quote.TranscriptSlug);
        var inTurn = transcript.Passages.Where(p => p.Turn == quote.Turn).Select(p => p.TopicId).Distinct().ToList();
        return inTurn.Count > 0 ? inTurn : transcript.TopicIds;
    }

    public sealed record QuoteGroup(string Name, string? Url, IReadOnlyList<QuoteItem> Quotes);

    public sealed record QuotesIndexView(int Count, IReadOnlyList<QuoteGroup> BySpeaker, IReadOnlyList<QuoteGroup> ByTopic);
}
