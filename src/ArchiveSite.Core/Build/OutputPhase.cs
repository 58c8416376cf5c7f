using System.Diagnostics;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// Phase 4: run every output step through a <see cref="StagedOutput"/>, which stages only the files that differ
/// from the last build's output; they are moved in only if no step reported an error (nor, in a strict build,
/// a warning). Steps run one after another, each using every core itself: run at the same time they were slower
/// (bench build, 1,000 transcripts, quiet 2 cores: cold 22.6 s and 33.2 s CPU at the same time, 15.9 s and 26.3 s
/// CPU one after another), as they competed for the JIT, the GC and the caches.
/// </summary>
public static class OutputPhase
{
    /// <param name="inputHash">See <see cref="InputData.Hash"/>.</param>
    public static OutputResult Run(SiteSource site, string? inputHash, ThemeFolder theme, string outputDirectory, IReadOnlyList<IOutputStep> steps,
        Action<string, TimeSpan>? stepDone = null, BuildOptions? options = null)
    {
        options ??= BuildOptions.Default;
        var cacheDirectory = options.CacheDirectory ?? OutputContext.DefaultCacheDirectory(theme);
        FormerCacheFolders.Remove(cacheDirectory);
        using var staged = new StagedOutput(outputDirectory, OutputManifest.FileFor(cacheDirectory, outputDirectory));
        var context = new OutputContext(site, theme, staged) { CacheDirectory = cacheDirectory, InputHash = inputHash };
        foreach (var step in steps)
            step.Prepare(staged);
        foreach (var step in steps)
        {
            var started = Stopwatch.GetTimestamp();
            var makingBefore = site.MakingTime;
            var total = 1;
            var progress = options.Progress;
            context.StepProgress = progress is null ? null : (done, all) => progress(step.Name, done, total = all);
            progress?.Invoke(step.Name, 0, total);
            staged.CurrentStep = step.Name;
            step.Run(context);
            progress?.Invoke(step.Name, total, total);
            // Process and PostProcess, when this step needed them first, are timed on their own.
            stepDone?.Invoke(step.Name, Stopwatch.GetElapsedTime(started) - (site.MakingTime - makingBefore));
        }
        var diagnostics = context.Diagnostics.ToList();
        var succeeded = diagnostics.All(d => d.Severity != Severity.Error && !(options.Strict && d.Severity == Severity.Warning));
        var changed = staged.Changed;
        if (succeeded)
        {
            var started = Stopwatch.GetTimestamp();
            staged.Commit();
            stepDone?.Invoke("commit", Stopwatch.GetElapsedTime(started));
        }
        return new OutputResult(succeeded, staged.FileCount, changed, diagnostics) { Committed = staged.CommittedManifest };
    }

    /// <param name="FilesWritten">Files in the site.</param>
    /// <param name="FilesChanged">Of those, files new or different from the last build's output: the only ones written to disk.</param>
    public sealed record OutputResult(bool Succeeded, int FilesWritten, int FilesChanged, IReadOnlyList<Diagnostic> Diagnostics)
    {
        /// <summary>See <see cref="StagedOutput.CommittedManifest"/>.</summary>
        public OutputManifest? Committed { get; init; }
    }
}
