using ArchiveSite.Archive;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>Phase 3, across transcripts: link them into one archive, then make the page models of every page source.</summary>
public static class PostProcessPhase
{
    public static SiteModel Run(Registries registries, IReadOnlyList<ArchivedTranscript> processed, IReadOnlyList<IPageSource> sources)
    {
        var archive = ArchiveLinker.Link(registries, processed);
        // Each source's pages are made at the same time as the others' (most make theirs on one core), and kept in source order.
        var made = sources.Select(source => Task.Run(() => source.PagesOf(archive).ToList())).ToList();
        var pages = made.SelectMany(pages => pages.Result).ToList();
        return new SiteModel(archive, pages);
    }
}
