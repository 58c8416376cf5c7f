using ArchiveSite.Archive;

namespace ArchiveSite.Site.Pages;

/// <summary><c>index.html</c>: the latest transcripts, featured quotes, speakers, topics and series.</summary>
public sealed class HomePage : IPageSource
{
    const int LatestShown = 10;
    const int QuotesShown = 6;

    public IEnumerable<Page> PagesOf(TranscriptArchive archive)
    {
        const string path = Urls.Home;
        var featured = archive.Latest.Select(t => t.Quotes.FirstOrDefault(q => q.PersonId is not null))
            .OfType<ArchivedQuote>().Take(QuotesShown);
        var view = new HomeView(
            archive.Site.Title,
            archive.Site.Description,
            archive.Transcripts.Count,
            [.. archive.Latest.Take(LatestShown).Select(t => Lists.Transcript(archive, t.Slug, path))],
            [.. featured.Select(q => Lists.Quote(archive, q, path))],
            [.. archive.People.Where(p => p.Appearances.Count > 0)
                .OrderByDescending(p => p.Appearances.Count).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => new CountedLink(p.Name, Urls.Relative(path, Urls.Speaker(p.Id)), p.Appearances.Count))],
            [.. archive.Topics.Where(t => t.TranscriptSlugs.Count > 0)
                .Select(t => new CountedLink(t.Name, Urls.Relative(path, Urls.Topic(t.Id)), t.TranscriptSlugs.Count))],
            [.. archive.Series.Select(s => new CountedLink(s.Name, Urls.Relative(path, Urls.Series(s.Id)), s.TranscriptSlugs.Count))]);
        yield return new Page(path, "index", new PageHead(archive.Site.Title, archive.Site.Description), view);
    }

    public sealed record HomeView(string Title, string Description, int TranscriptCount, IReadOnlyList<TranscriptItem> Latest,
        IReadOnlyList<QuoteItem> Quotes, IReadOnlyList<CountedLink> Speakers, IReadOnlyList<CountedLink> Topics,
        IReadOnlyList<CountedLink> Series);
}
