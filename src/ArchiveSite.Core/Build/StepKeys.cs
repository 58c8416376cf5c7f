using ArchiveSite.Download;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// What the cached output steps make their files from (see <see cref="CachedStep"/>); null when it is not known,
/// and then the step always runs.
/// </summary>
public static class StepKeys
{
    /// <summary>Pages are rendered from the archive with the theme's layouts (a page's own fingerprint covers the rest, see <see cref="RenderPages"/>).</summary>
    public static string? Pages(OutputContext context) =>
        context.InputHash is { } input ? ContentHash.OfParts([input, ThemeFingerprint.Layouts(context.Theme)]) : null;

    /// <summary>
    /// The theme's assets are copied from its assets folder alone, scripts compacted by this program: a rebuild after an
    /// input change keeps them instead of compacting the scripts again.
    /// </summary>
    public static string? ThemeAssets(OutputContext context) =>
        ContentHash.OfParts([ProgramVersion.Hash, ThemeFingerprint.Folder(context.Theme.Assets)]);

    /// <summary>The sitemap and the feed are made from the archive and its pages alone.</summary>
    public static string? Archive(OutputContext context) => context.InputHash;

    /// <summary>The search index is made from the archive alone, which is made from the input files alone.</summary>
    public static string? Search(OutputContext context) => context.InputHash;

    /// <summary>Cards are drawn from the archive with the card fonts of the theme's npm packages (pinned by its lock file).</summary>
    public static string? QuoteCards(OutputContext context) =>
        context.InputHash is { } input ? ContentHash.OfParts([input, FontPackages(context.Theme.Root)]) : null;

    /// <summary>
    /// The download (and the style sheet showing its size) holds every other file of the site. The download also names
    /// its zip's bytes by this key (<see cref="OutputContext.StepKey"/>), so it must name every file's path and content.
    /// </summary>
    public static string? Download(OutputContext context) =>
        context.Writer is StagedOutput staged
            ? ContentHash.OfParts([ProgramVersion.Hash, SiteFingerprint.Of(staged, ArchiveZip.OwnFiles)])
            : null;

    static string FontPackages(string themeRoot)
    {
        var lockFile = Path.Combine(themeRoot, "package-lock.json");
        var fontsource = Path.Combine(themeRoot, "node_modules", "@fontsource");
        var manifests = Directory.Exists(fontsource)
            ? Directory.EnumerateFiles(fontsource, "package.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return ContentHash.OfParts(manifests.Prepend(lockFile).Select(f => File.Exists(f) ? f + ContentHash.Of(File.ReadAllBytes(f)) : "absent"));
    }
}
