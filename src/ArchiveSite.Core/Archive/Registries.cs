using ArchiveSite.Model;

namespace ArchiveSite.Archive;

/// <summary>The optional registry files of an archive, loaded; a missing file is simply empty.</summary>
public sealed record Registries(
    SiteSettings Site,
    IReadOnlyList<PersonEntry> People,
    IReadOnlyList<TopicEntry> Topics,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public static Registries Empty { get; } = new(SiteSettings.Default, [], [], []);
}
