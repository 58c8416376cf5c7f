using System.Diagnostics;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// What a build from input files looks at first: whether anything it reads changed since the last successful build
/// into the same output folder with the same cache (<see cref="Build.BuildInputs"/>: every input byte, the theme, the
/// program, the folders), and whether that folder is still as the build left it (<see cref="OutputFingerprint"/>).
/// When neither changed, that build's output is the output this one would make, so there is nothing to build: the
/// build reports what the last one did and stops. A rebuild otherwise reads, hashes and decodes every transcript and
/// asks every output step whether its files are current, which in a fresh process means loading and compiling most
/// of the program first. Any doubt (no record, a file that cannot be read, a staging folder left by a build that was
/// cut short) means a build.
/// </summary>
public sealed class SinceLastBuild
{
    SinceLastBuild(string inputDirectory, string outputDirectory, ThemeFolder theme, string cacheDirectory)
    {
        InputDirectory = inputDirectory;
        OutputDirectory = outputDirectory;
        Theme = theme;
        CacheDirectory = cacheDirectory;
    }

    public string InputDirectory { get; }
    public string OutputDirectory { get; }
    public ThemeFolder Theme { get; }
    public string CacheDirectory { get; }

    /// <summary>What the build reads, as it was when checked; null when the input could not all be read (the build will say why).</summary>
    public BuildInputs? Inputs { get; private init; }

    /// <summary>The last build, when nothing changed since it; null when there is something to build.</summary>
    public LastBuild? Unchanged { get; private init; }

    public TimeSpan Elapsed { get; private init; }

    public string LastBuildFile => LastBuild.FileFor(CacheDirectory, OutputDirectory);

    public static SinceLastBuild Check(string inputDirectory, string outputDirectory, ThemeFolder theme, BuildOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        outputDirectory = Path.GetFullPath(outputDirectory);
        var cacheDirectory = options.CacheDirectory ?? OutputContext.DefaultCacheDirectory(theme);
        var inputs = InputsOf(inputDirectory, theme, cacheDirectory);
        var last = inputs is null ? null : LastBuild.Load(LastBuild.FileFor(cacheDirectory, outputDirectory));
        var unchanged = inputs is not null && last is not null && last.Inputs == inputs.Fingerprint && !Directory.Exists(outputDirectory + ".staging")
                        && OutputFingerprint.OfFolder(outputDirectory) == last.Output;
        return new SinceLastBuild(inputDirectory, outputDirectory, theme, cacheDirectory)
        {
            Inputs = inputs,
            Unchanged = unchanged ? last : null,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }

    static BuildInputs? InputsOf(string inputDirectory, ThemeFolder theme, string cacheDirectory)
    {
        try
        {
            return BuildInputs.Of(inputDirectory, theme, cacheDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
