using System.Diagnostics;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// Phase 4: run every output step through a <see cref="StagedOutput"/>, which stages only the files that differ
/// from the last build's output; they are moved in only if no step reported an error (nor, in a strict build,
/// a warning). Steps run one after another, each using every core itself: all run at the same time they were slower
/// (bench build, 1,000 transcripts, quiet 2 cores: cold 22.6 s and 33.2 s CPU at the same time, 15.9 s and 26.3 s
/// CPU one after another), as they competed for the JIT, the GC and the caches. Only a <see cref="BesideStep"/> runs
/// beside the others, and only in a rebuild, which leaves the cores partly idle.
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
        var manifestFile = OutputManifest.FileFor(cacheDirectory, outputDirectory);
        // In a cold build every step fills both cores itself, and one beside the others only made it slower.
        var rebuild = File.Exists(manifestFile);
        using var staged = new StagedOutput(outputDirectory, manifestFile);
        var context = new OutputContext(site, theme, staged) { CacheDirectory = cacheDirectory, InputHash = inputHash };
        foreach (var step in steps)
            step.Prepare(staged);
        var contexts = steps.Select(_ => context.ForStep()).ToArray();
        var times = new TimeSpan[steps.Count];
        void RunStep(int index)
        {
            var step = steps[index];
            var stepContext = contexts[index];
            var started = Stopwatch.GetTimestamp();
            var makingBefore = site.MakingTime;
            var total = 1;
            var progress = options.Progress;
            stepContext.StepProgress = progress is null ? null : (done, all) => progress(step.Name, done, total = all);
            progress?.Invoke(step.Name, 0, total);
            staged.CurrentStep = step.Name;
            step.Run(stepContext);
            progress?.Invoke(step.Name, total, total);
            // Process and PostProcess, when this step needed them first, are timed on their own (a step beside the one
            // that made them waited for them too, when it needed them).
            times[index] = Stopwatch.GetElapsedTime(started) - (site.MakingTime - makingBefore);
        }

        bool RunsBeside(int index) => rebuild && steps[index] is BesideStep;
        // On a thread of its own: on one of the pool's it held up the pool the other steps' parallel loops use.
        var beside = Enumerable.Range(0, steps.Count).Where(RunsBeside)
            .Select(i => Task.Factory.StartNew(() => RunStep(i), TaskCreationOptions.LongRunning)).ToList();
        var last = steps.Count - 1;
        try
        {
            for (var i = 0; i < last; i++)
                if (!RunsBeside(i))
                    RunStep(i);
        }
        finally
        {
            // Never left writing once the phase has ended (the staging folder goes with it): waited for without throwing here.
            foreach (var task in beside)
                Task.WaitAny(task);
        }
        foreach (var task in beside)
            task.GetAwaiter().GetResult();
        if (last >= 0 && !RunsBeside(last))
            RunStep(last);
        // Reported after the steps, in step order: the times are added to a list that the site model adds to as it is made.
        for (var i = 0; i < steps.Count; i++)
            stepDone?.Invoke(steps[i].Name, times[i]);
        var diagnostics = contexts.SelectMany(c => c.Diagnostics).ToList();
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
