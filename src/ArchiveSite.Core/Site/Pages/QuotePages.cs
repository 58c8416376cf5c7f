using ArchiveSite.Archive;
using ArchiveSite.Cards;

namespace ArchiveSite.Site.Pages;

/// <summary><c>quotes/&lt;id&gt;.html</c>: a quote with its speaker and a link to the turn it came from.</summary>
public sealed class QuotePages : IPageSource
{
    public IEnumerable<Page> PagesOf(TranscriptArchive archive) =>
        archive.Quotes.Select(quote =>
        {
            var path = Urls.Quote(quote.Id);
            var item = Lists.Quote(archive, quote, path);
            var person = quote.PersonId is null ? null : Lists.Person(archive, quote.PersonId, path);
            var card = WriteQuoteCards.CardPath(quote.Id);
            var view = new QuoteView(item, person, quote.Section,
                Lists.Transcript(archive, quote.TranscriptSlug, path),
                Urls.Relative(path, card), Urls.Absolute(archive.Site, path), Urls.Relative(path, QuotesIndexPage.Path));
            var title = person is null ? $"A quote from {item.TranscriptTitle}" : $"{person.Name}: a quote from {item.TranscriptTitle}";
            return new Page(path, "quote", new PageHead(title, quote.Text, "article", Image: card), view);
        });

    /// <param name="ShareUrl">The page's absolute URL when the site has a base URL; otherwise the script copies the address shown.</param>
    public sealed record QuoteView(QuoteItem Quote, PersonLink? Speaker, string? Section, TranscriptItem Transcript,
        string CardUrl, string? ShareUrl, string IndexUrl);
}
