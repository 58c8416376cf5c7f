using ArchiveSite.Archive;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>What PostProcess hands to Output: the linked archive and every page to render.</summary>
public sealed record SiteModel(TranscriptArchive Archive, IReadOnlyList<Page> Pages);
