using System.Collections.Concurrent;
using ArchiveSite.Archive;
using ArchiveSite.Build;
using ArchiveSite.Model;
using ArchiveSite.Site;

namespace ArchiveSite.Output;

/// <summary>
/// What an output step gets: the finished archive and pages, the renderer, the theme and the writer. The archive
/// and pages are made when a step first reads them (see <see cref="SiteSource"/>).
/// </summary>
public sealed class OutputContext(SiteSource site, ThemeFolder theme, IOutputWriter writer)
{
    readonly ConcurrentQueue<Diagnostic> _diagnostics = new();
    readonly Lazy<PageRenderer> _renderer = new(() => new PageRenderer(theme, site.Value.Archive.Site));

    public TranscriptArchive Archive => site.Value.Archive;

    /// <summary>Every HTML page of the site, in a stable order.</summary>
    public IReadOnlyList<Page> Pages => site.Value.Pages;

    public ThemeFolder Theme { get; } = theme;
    public PageRenderer Renderer => _renderer.Value;
    public IOutputWriter Writer { get; } = writer;

    /// <summary>
    /// The folder kept across builds (Netlify's build cache keeps it): by default <c>.archivesite-cache</c>
    /// beside the theme folder, i.e. the repository root. Steps keep their own subfolder in it.
    /// </summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory(theme);

    public static string DefaultCacheDirectory(ThemeFolder theme) =>
        Path.GetFullPath(Path.Combine(theme.Root, "..", ".archivesite-cache"));

    /// <summary>See <see cref="Build.InputData.Hash"/>: what a step made only from the archive may be reused while it stays the same.</summary>
    public string? InputHash { get; init; }

    public IReadOnlyCollection<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// The key the <see cref="CachedStep"/> running this step took (see <see cref="Build.StepKeys"/>), for a step that
    /// needs it too; null when none did.
    /// </summary>
    public string? StepKey { get; internal set; }

    /// <summary>Set by the output phase for the step that is running.</summary>
    internal Action<int, int>? StepProgress { get; set; }

    /// <summary>How far the running step is; steps with many items report it so a long step shows it is moving.</summary>
    public void ReportProgress(int done, int total) => StepProgress?.Invoke(done, total);

    /// <summary>Records a problem; an error fails the build once all steps have run.</summary>
    public void Report(Diagnostic diagnostic) => _diagnostics.Enqueue(diagnostic);
}
