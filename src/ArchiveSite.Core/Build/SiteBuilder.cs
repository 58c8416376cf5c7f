using System.Diagnostics;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// The build, top to bottom: Input (read) -> Process (per transcript) -> PostProcess (across transcripts)
/// -> Output (render and write, swapped in only on success); Process and PostProcess on demand of the output steps. Any error diagnostic (in a strict build, any
/// warning too) stops the build before the output folder is touched.
/// </summary>
public static class SiteBuilder
{
    /// <summary>
    /// A build that reuses what the build cache (<see cref="BuildOptions.CacheDirectory"/>) kept from earlier
    /// builds: transcripts are parsed, pages rendered and output files written only where something they
    /// depend on changed.
    /// </summary>
    public static BuildResult Build(string inputDirectory, string outputDirectory, ThemeFolder theme, BuildOptions? options = null)
    {
        var times = new List<PhaseTime>();
        // The cache is made inside the phase so that the transcripts it holds can be collected when the phase ends.
        var input = Timed(times, "input", () => InputPhase.Run(inputDirectory,
            new TranscriptCache(options?.CacheDirectory ?? OutputContext.DefaultCacheDirectory(theme)), options?.Progress));
        return Build(input, outputDirectory, theme, times, options);
    }

    public static BuildResult Build(string inputDirectory, string outputDirectory, ThemeFolder theme, TranscriptReading read,
        BuildOptions? options = null)
    {
        var times = new List<PhaseTime>();
        var input = Timed(times, "input", () => InputPhase.Run(inputDirectory, read, options?.Progress));
        return Build(input, outputDirectory, theme, times, options);
    }

    /// <summary>
    /// Builds from transcripts already read, e.g. made in code by a test. Process and PostProcess run only when
    /// an output step needs what they make (see <see cref="SiteSource"/>).
    /// </summary>
    public static BuildResult Build(InputData input, string outputDirectory, ThemeFolder theme, List<PhaseTime>? times = null,
        BuildOptions? options = null)
    {
        times ??= [];
        options ??= BuildOptions.Default;
        var progress = options.Progress;
        var diagnostics = input.AllDiagnostics.Select(d => Strictly(d, options)).ToList();
        if (diagnostics.Any(d => d.Severity == Severity.Error))
            return new BuildResult(false, diagnostics, times, null, 0);

        var cacheDirectory = options.CacheDirectory ?? OutputContext.DefaultCacheDirectory(theme);
        var site = new SiteSource(() =>
        {
            var processed = Timed(times, "process", () => ProcessPhase.Run(input, progress, cacheDirectory));
            progress?.Invoke("postprocess", 0, 1);
            var made = Timed(times, "postprocess", () => PostProcessPhase.Run(input.Registries, processed, SiteFeatures.PageSources));
            progress?.Invoke("postprocess", 1, 1);
            return made;
        });
        var output = Timed(times, "output", () => OutputPhase.Run(site, input.Hash, theme, outputDirectory, SiteFeatures.OutputSteps,
            (step, elapsed) => times.Add(new PhaseTime("output: " + step, elapsed)), options));
        diagnostics.AddRange(output.Diagnostics.Select(d => Strictly(d, options)));
        return new BuildResult(output.Succeeded, diagnostics, times, output.Succeeded ? Counts(site, input.Hash, cacheDirectory) : null,
            output.FilesWritten) { FilesChanged = output.FilesChanged, SiteSource = site };
    }

    /// <summary>The counts of the site built, from the cache when the build did not need to make the site.</summary>
    static SiteCounts Counts(SiteSource site, string? inputHash, string cacheDirectory)
    {
        if (!site.IsMade && inputHash is not null && SiteCounts.Load(cacheDirectory, inputHash) is { } kept)
            return kept;
        var counts = SiteCounts.Of(site.Value);
        if (inputHash is not null)
            counts.Save(cacheDirectory, inputHash);
        return counts;
    }

    /// <summary>In a strict build a warning is an error.</summary>
    static Diagnostic Strictly(Diagnostic diagnostic, BuildOptions options) =>
        options.Strict && diagnostic.Severity == Severity.Warning ? diagnostic with { Severity = Severity.Error } : diagnostic;

    static T Timed<T>(List<PhaseTime> times, string name, Func<T> phase)
    {
        var started = Stopwatch.GetTimestamp();
        var result = phase();
        times.Add(new PhaseTime(name, Stopwatch.GetElapsedTime(started)));
        return result;
    }
}
