using ArchiveSite.Archive;

namespace ArchiveSite.Site.Pages;

/// <summary>
/// <c>search.html</c>, the page every search box submits to: the form and the results region that the
/// search feature's scripts fill in.
/// </summary>
public sealed class SearchPage : IPageSource
{
    public IEnumerable<Page> PagesOf(TranscriptArchive archive)
    {
        yield return new Page(Urls.Search, "search",
            new PageHead("Search", $"Search every transcript in {archive.Site.Title}."), new SearchView(archive.Transcripts.Count));
    }

    public sealed record SearchView(int TranscriptCount);
}
