using ArchiveSite.Archive;

namespace ArchiveSite.Site;

/// <summary>Makes one kind of page from the archive (all transcript pages, the topic pages, ...).</summary>
public interface IPageSource
{
    IEnumerable<Page> PagesOf(TranscriptArchive archive);
}
