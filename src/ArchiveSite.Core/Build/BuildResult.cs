using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>How a build went.</summary>
/// <param name="Counts">What the site holds; null when the build failed.</param>
/// <param name="FilesWritten">Files in the site built.</param>
public sealed record BuildResult(bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<PhaseTime> Times, SiteCounts? Counts, int FilesWritten)
{
    /// <summary>
    /// The archive and pages; null when the build stopped before the output phase. A rebuild that kept every
    /// file did not make them, so they are made on first use.
    /// </summary>
    public SiteModel? Site => SiteSource?.Value;

    public SiteSource? SiteSource { get; init; }

    /// <summary>
    /// Nothing the build reads had changed since the last build into the same folder, which was still as that build
    /// left it, so nothing was built (see <see cref="SinceLastBuild"/>): what the build reports is what that one did.
    /// </summary>
    public bool Unchanged { get; init; }

    /// <summary>The search index of the site built; null when the build failed.</summary>
    public SearchIndexSize? SearchIndex { get; init; }

    /// <summary>Files new or different from the last build's output: the only ones written to the output folder.</summary>
    public int FilesChanged { get; init; }

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}

/// <summary>Time spent in a phase or output step, e.g. ("process", 120 ms) or ("output: pages", 900 ms).</summary>
public sealed record PhaseTime(string Name, TimeSpan Elapsed);
