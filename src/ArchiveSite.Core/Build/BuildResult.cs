using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>How a build went. <see cref="Site"/> is null when it stopped before PostProcess.</summary>
public sealed record BuildResult(bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<PhaseTime> Times, SiteModel? Site, int FilesWritten)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}

/// <summary>Time spent in a phase or output step, e.g. ("process", 120 ms) or ("output: pages", 900 ms).</summary>
public sealed record PhaseTime(string Name, TimeSpan Elapsed);
