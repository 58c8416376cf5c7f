using System.Diagnostics;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// The build, top to bottom: Input (read) -> Process (per transcript) -> PostProcess (across transcripts)
/// -> Output (render and write, swapped in only on success). Any error diagnostic stops the build before
/// the output folder is touched.
/// </summary>
public static class SiteBuilder
{
    /// <summary>
    /// A build that reuses what the build cache (<paramref name="cacheDirectory"/>, by default
    /// <see cref="OutputContext.DefaultCacheDirectory"/>) kept from earlier builds: transcripts are parsed,
    /// pages rendered and output files written only where something they depend on changed.
    /// </summary>
    public static BuildResult Build(string inputDirectory, string outputDirectory, ThemeFolder theme, string? cacheDirectory = null)
    {
        cacheDirectory ??= OutputContext.DefaultCacheDirectory(theme);
        var times = new List<PhaseTime>();
        var input = Timed(times, "input", () => InputPhase.Run(inputDirectory, new TranscriptCache(cacheDirectory)));
        return Build(input, outputDirectory, theme, times, cacheDirectory);
    }

    public static BuildResult Build(string inputDirectory, string outputDirectory, ThemeFolder theme, TranscriptReading read)
    {
        var times = new List<PhaseTime>();
        var input = Timed(times, "input", () => InputPhase.Run(inputDirectory, read));
        return Build(input, outputDirectory, theme, times);
    }

    /// <summary>Builds from transcripts already read, e.g. made in code by a test.</summary>
    public static BuildResult Build(InputData input, string outputDirectory, ThemeFolder theme, List<PhaseTime>? times = null,
        string? cacheDirectory = null)
    {
        times ??= [];
        var diagnostics = input.AllDiagnostics.ToList();
        if (diagnostics.Any(d => d.Severity == Severity.Error))
            return new BuildResult(false, diagnostics, times, null, 0);

        var processed = Timed(times, "process", () => ProcessPhase.Run(input));
        var site = Timed(times, "postprocess", () => PostProcessPhase.Run(input.Registries, processed, SiteFeatures.PageSources) with { InputHash = input.Hash });
        var output = Timed(times, "output", () => OutputPhase.Run(site, theme, outputDirectory, SiteFeatures.OutputSteps,
            (step, elapsed) => times.Add(new PhaseTime("output: " + step, elapsed)), cacheDirectory));
        diagnostics.AddRange(output.Diagnostics);
        return new BuildResult(output.Succeeded, diagnostics, times, site, output.FilesWritten) { FilesChanged = output.FilesChanged };
    }

    static T Timed<T>(List<PhaseTime> times, string name, Func<T> phase)
    {
        var started = Stopwatch.GetTimestamp();
        var result = phase();
        times.Add(new PhaseTime(name, Stopwatch.GetElapsedTime(started)));
        return result;
    }
}
