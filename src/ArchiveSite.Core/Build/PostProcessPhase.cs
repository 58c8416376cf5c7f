using ArchiveSite.Archive;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>Phase 3, across transcripts: link them into one archive, then make the page models of every page source.</summary>
public static class PostProcessPhase
{
    public static SiteModel Run(Registries registries, IReadOnlyList<ArchivedTranscript> processed, IReadOnlyList<IPageSource> sources)
    {
        var archive = ArchiveLinker.Link(registries, processed);
        var pages = sources.SelectMany(source => source.PagesOf(archive)).ToList();
        return new SiteModel(archive, pages);
    }
}
