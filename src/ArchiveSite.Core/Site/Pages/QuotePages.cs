using ArchiveSite.Archive;
using ArchiveSite.Cards;
using ArchiveSite.Output;

namespace ArchiveSite.Site.Pages;

/// <summary><c>quotes/&lt;id&gt;.html</c>: a quote with its speaker and a link to the turn it came from.</summary>
public sealed class QuotePages : IPageSource
{
    public IEnumerable<Page> PagesOf(TranscriptArchive archive) =>
        archive.Quotes.Select(quote =>
        {
            var path = Urls.Quote(quote.Id);
            var person = quote.PersonId is null ? null : archive.Person(quote.PersonId);
            var transcript = archive.Transcript(quote.TranscriptSlug);
            var title = person is null ? $"A quote from {transcript.Title}" : $"{person.Name}: a quote from {transcript.Title}";
            return new Page(path, "quote", new PageHead(title, quote.Text, "article", Image: WriteQuoteCards.CardPath(quote.Id)),
                new ModelMadeWhenRendered(parts => Fingerprint(parts, archive, quote), () => ViewOf(archive, quote)));
        });

    /// <summary>The page's model; what it reads of the archive is in <see cref="Fingerprint"/>.</summary>
    public static QuoteView ViewOf(TranscriptArchive archive, ArchivedQuote quote)
    {
        var path = Urls.Quote(quote.Id);
        var item = Lists.Quote(archive, quote, path);
        var person = quote.PersonId is null ? null : Lists.Person(archive, quote.PersonId, path);
        return new QuoteView(item, person, quote.Section, Lists.Transcript(archive, quote.TranscriptSlug, path),
            Urls.Relative(path, WriteQuoteCards.CardPath(quote.Id)), Urls.Absolute(archive.Site, path), Urls.Relative(path, QuotesIndexPage.Path));
    }

    /// <summary>
    /// Everything <see cref="ViewOf"/> reads: the quote, its speaker's name and credentials, and its transcript's title,
    /// series, date and episode (links are made from ids). The site settings (the share URL's base) are in every page's
    /// fingerprint already (<see cref="Output.RenderPages"/>).
    /// </summary>
    public static HashedParts Fingerprint(HashedParts parts, TranscriptArchive archive, ArchivedQuote quote) =>
        parts.Add("quote page").AddQuote(archive, quote).Add(quote.Section)
            .Add(quote.PersonId is null ? null : archive.Person(quote.PersonId).Credentials)
            .AddTranscript(archive, quote.TranscriptSlug);

    /// <param name="ShareUrl">The page's absolute URL when the site has a base URL; otherwise the script copies the address shown.</param>
    public sealed record QuoteView(QuoteItem Quote, PersonLink? Speaker, string? Section, TranscriptItem Transcript,
        string CardUrl, string? ShareUrl, string IndexUrl);
}
