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
    /// builds: nothing is built when nothing changed since the last one (see <see cref="SinceLastBuild"/>);
    /// otherwise transcripts are parsed, pages rendered and output files written only where something they
    /// depend on changed.
    /// </summary>
    public static BuildResult Build(string inputDirectory, string outputDirectory, ThemeFolder theme, BuildOptions? options = null)
    {
        options ??= BuildOptions.Default;
        return Build(SinceLastBuild.Check(inputDirectory, outputDirectory, theme, options), options);
    }

    /// <summary>The build after its <paramref name="check"/>, which a caller may look at first (the CLI shows no bars for a build that has nothing to do).</summary>
    public static BuildResult Build(SinceLastBuild check, BuildOptions options)
    {
        if (check.Unchanged is { } last)
            return Unchanged(check, last, options);
        var times = new List<PhaseTime> { new("check", check.Elapsed) };
        // The cache is made inside the phase so that the transcripts it holds can be collected when the phase ends.
        var input = Timed(times, "input", () => InputPhase.Run(check.InputDirectory, new TranscriptCache(check.CacheDirectory), options.Progress,
            check.Inputs?.InputFiles));
        var result = Build(input, check.OutputDirectory, check.Theme, times, options, out var committed);
        if (result.Succeeded && check.Inputs is { } inputs && input.Hash is not null && committed is not null)
        {
            // A build that succeeded made no warning an error, so its diagnostics are those reported, the input's first.
            List<Diagnostic> fromInput = [.. input.AllDiagnostics];
            new LastBuild(inputs.Fingerprint, OutputFingerprint.Of(committed), result.FilesWritten, result.Counts!, result.SearchIndex!, fromInput,
                [.. result.Diagnostics.Skip(fromInput.Count)]).Save(check.LastBuildFile);
        }
        return result;
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
        BuildOptions? options = null) =>
        Build(input, outputDirectory, theme, times ?? [], options, out _);

    /// <param name="committed">The manifest of the output folder the build committed; null when it failed.</param>
    static BuildResult Build(InputData input, string outputDirectory, ThemeFolder theme, List<PhaseTime> times, BuildOptions? options,
        out OutputManifest? committed)
    {
        committed = null;
        options ??= BuildOptions.Default;
        var progress = options.Progress;
        var diagnostics = input.AllDiagnostics.Select(d => Strictly(d, options)).ToList();
        if (diagnostics.Any(d => d.Severity == Severity.Error))
            return new BuildResult(false, diagnostics, times, null, 0);

        var cacheDirectory = options.CacheDirectory ?? OutputContext.DefaultCacheDirectory(theme);
        var site = new SiteSource(() => Make(input, cacheDirectory, times, progress));
        var output = Timed(times, "output", () => OutputPhase.Run(site, input.Hash, theme, outputDirectory, SiteFeatures.OutputSteps,
            (step, elapsed) => times.Add(new PhaseTime("output: " + step, elapsed)), options));
        diagnostics.AddRange(output.Diagnostics.Select(d => Strictly(d, options)));
        committed = output.Committed;
        return new BuildResult(output.Succeeded, diagnostics, times, output.Succeeded ? Counts(site, input.Hash, cacheDirectory) : null,
            output.FilesWritten)
        {
            FilesChanged = output.FilesChanged,
            SiteSource = site,
            SearchIndex = output.Committed is { } manifest ? SearchIndexSize.Of(manifest) : null,
        };
    }

    /// <summary>
    /// A build that found nothing changed (see <see cref="SinceLastBuild"/>) says what the last one said, strictly when it
    /// is strict: warnings of the input stop it before the output steps, as they would have. Its archive and pages are
    /// made from the input only when a caller asks for them.
    /// </summary>
    static BuildResult Unchanged(SinceLastBuild check, LastBuild last, BuildOptions options)
    {
        var times = new List<PhaseTime> { new("check", check.Elapsed) };
        var diagnostics = new List<Diagnostic>(last.InputDiagnostics.Count + last.OutputDiagnostics.Count);
        foreach (var diagnostic in last.InputDiagnostics)
            diagnostics.Add(Strictly(diagnostic, options));
        var succeeded = !HasError(diagnostics);
        if (succeeded)
        {
            foreach (var diagnostic in last.OutputDiagnostics)
                diagnostics.Add(Strictly(diagnostic, options));
            succeeded = !HasError(diagnostics);
        }
        var site = new SiteSource(() => Make(InputPhase.Run(check.InputDirectory, new TranscriptCache(check.CacheDirectory)), check.CacheDirectory, [], null));
        return new BuildResult(succeeded, diagnostics, times, succeeded ? last.Counts : null, succeeded ? last.FilesWritten : 0)
            { SiteSource = site, Unchanged = true, SearchIndex = succeeded ? last.SearchIndex : null };
    }

    static bool HasError(List<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
            if (diagnostic.Severity == Severity.Error)
                return true;
        return false;
    }

    /// <summary>Process and PostProcess: the archive and its pages, from what the input phase read.</summary>
    static SiteModel Make(InputData input, string cacheDirectory, List<PhaseTime> times, BuildProgress? progress)
    {
        var processed = Timed(times, "process", () => ProcessPhase.Run(input, progress, cacheDirectory));
        progress?.Invoke("postprocess", 0, 1);
        var made = Timed(times, "postprocess", () => PostProcessPhase.Run(input.Registries, processed, SiteFeatures.PageSources));
        progress?.Invoke("postprocess", 1, 1);
        return made;
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
