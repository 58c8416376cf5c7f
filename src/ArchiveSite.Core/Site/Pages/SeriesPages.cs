using ArchiveSite.Archive;

namespace ArchiveSite.Site.Pages;

/// <summary><c>series/&lt;id&gt;.html</c>: a series' transcripts in order.</summary>
public sealed class SeriesPages : IPageSource
{
    public IEnumerable<Page> PagesOf(TranscriptArchive archive) =>
        archive.Series.Select(series =>
        {
            var path = Urls.Series(series.Id);
            var view = new SeriesView(series.Name, [.. series.TranscriptSlugs.Select(slug => Lists.Transcript(archive, slug, path))]);
            return new Page(path, "series",
                new PageHead(series.Name, $"{series.Name}: {series.TranscriptSlugs.Count} transcripts in {archive.Site.Title}."), view);
        });

    public sealed record SeriesView(string Name, IReadOnlyList<TranscriptItem> Transcripts);
}
