using ArchiveSite.Archive;

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
            var view = new QuoteView(item, person, quote.Section,
                Lists.Transcript(archive, quote.TranscriptSlug, path));
            var title = person is null ? $"A quote from {item.TranscriptTitle}" : $"{person.Name}: a quote from {item.TranscriptTitle}";
            return new Page(path, "quote", new PageHead(title, quote.Text, "article"), view);
        });

    public sealed record QuoteView(QuoteItem Quote, PersonLink? Speaker, string? Section, TranscriptItem Transcript);
}
