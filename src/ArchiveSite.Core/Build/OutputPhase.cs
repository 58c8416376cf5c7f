using System.Diagnostics;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// Phase 4: run every output step through a <see cref="StagedOutput"/>, which stages only the files that differ
/// from the last build's output; they are moved in only if no step reported an error (nor, in a strict build,
/// a warning). Steps run at the same time, so the two cores stay busy through each step's serial stretches,
/// except a step that reads the files of the steps before it (<see cref="IOutputStep.ReadsEarlierSteps"/>),
/// which waits for them.
/// </summary>
public static class OutputPhase
{
    /// <param name="inputHash">See <see cref="InputData.Hash"/>.</param>
    /// <param name="stepDone">Called with each step's time once the steps have run, in step order; then with the commit's.</param>
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
        var ran = new Task<StepRun>[steps.Count];
        var running = new List<Task>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.ReadsEarlierSteps)
                WaitFor(running);
            running.Add(ran[i] = Task.Run(() => RunStep(step, context, staged, site, options.Progress)));
            if (step.ReadsEarlierSteps)
                WaitFor(running);
        }
        WaitFor(running);

        // In step order, whichever finished first.
        foreach (var (step, run) in steps.Zip(ran))
            stepDone?.Invoke(step.Name, run.Result.Elapsed);
        var diagnostics = ran.SelectMany(run => run.Result.Context.Diagnostics).ToList();
        var succeeded = diagnostics.All(d => d.Severity != Severity.Error && !(options.Strict && d.Severity == Severity.Warning));
        var changed = staged.Changed;
        if (succeeded)
        {
            var started = Stopwatch.GetTimestamp();
            staged.Commit();
            stepDone?.Invoke("commit", Stopwatch.GetElapsedTime(started));
        }
        return new OutputResult(succeeded, staged.Files.Count, changed, diagnostics);
    }

    static StepRun RunStep(IOutputStep step, OutputContext context, StagedOutput staged, SiteSource site, BuildProgress? progress)
    {
        var started = Stopwatch.GetTimestamp();
        var total = 1;
        var stepContext = context.ForStep(progress is null ? null : (done, all) => progress(step.Name, done, total = all));
        progress?.Invoke(step.Name, 0, total);
        staged.CurrentStep = step.Name;
        step.Run(stepContext);
        progress?.Invoke(step.Name, total, total);
        var ended = Stopwatch.GetTimestamp();
        return new StepRun(stepContext, Stopwatch.GetElapsedTime(started, ended) - site.MakingTimeBetween(started, ended));
    }

    /// <param name="Elapsed">The step's time, less any time it waited for the site to be made (timed as phases of their own).</param>
    sealed record StepRun(OutputContext Context, TimeSpan Elapsed);

    /// <summary>Waits for the steps started so far; a step that threw rethrows here, as it would have run alone.</summary>
    static void WaitFor(List<Task> running)
    {
        try
        {
            Task.WaitAll(running);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
        }
        finally
        {
            running.Clear();
        }
    }

    /// <param name="FilesWritten">Files in the site.</param>
    /// <param name="FilesChanged">Of those, files new or different from the last build's output: the only ones written to disk.</param>
    public sealed record OutputResult(bool Succeeded, int FilesWritten, int FilesChanged, IReadOnlyList<Diagnostic> Diagnostics);
}
