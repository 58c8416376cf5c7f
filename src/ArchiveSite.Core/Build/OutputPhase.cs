using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// Phase 4: run every output step into a staging folder; swap it in only if no step reported an error (nor,
/// in a strict build, a warning).
/// </summary>
public static class OutputPhase
{
    public static OutputResult Run(SiteModel site, ThemeFolder theme, string outputDirectory, IReadOnlyList<IOutputStep> steps,
        Action<string, TimeSpan>? stepDone = null, BuildOptions? options = null)
    {
        options ??= BuildOptions.Default;
        using var staged = new StagedOutput(outputDirectory);
        var context = new OutputContext(site.Archive, site.Pages, theme, staged);
        foreach (var step in steps)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var total = 1;
            var progress = options.Progress;
            context.StepProgress = progress is null ? null : (done, all) => progress(step.Name, done, total = all);
            progress?.Invoke(step.Name, 0, total);
            step.Run(context);
            progress?.Invoke(step.Name, total, total);
            stepDone?.Invoke(step.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        var diagnostics = context.Diagnostics.ToList();
        var succeeded = diagnostics.All(d => d.Severity != Severity.Error && !(options.Strict && d.Severity == Severity.Warning));
        if (succeeded)
            staged.Commit();
        return new OutputResult(succeeded, staged.Written.Count, diagnostics);
    }

    public sealed record OutputResult(bool Succeeded, int FilesWritten, IReadOnlyList<Diagnostic> Diagnostics);
}
