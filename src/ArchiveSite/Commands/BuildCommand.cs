using ArchiveSite.Build;
using ArchiveSite.Site;

namespace ArchiveSite.Cli.Commands;

/// <summary>
/// Builds the archive in <c>input/</c> into <c>output/</c>; on any error (with <c>--strict</c>, any warning)
/// the previous output stays. Progress bars on a terminal, plain lines in CI or with <c>--plain</c>.
/// </summary>
public sealed class BuildCommand : ICommand
{
    public string Name => "build";
    public string Summary => "build [--input DIR] [--output DIR] [--theme DIR] [--strict] [--plain]: build the site " +
                             "(defaults ./input ./output ./theme; --strict fails on warnings; --plain prints lines, not bars)";

    public Task<int> RunAsync(CommandLineOptions options) =>
        Task.FromResult(Run(SitePaths.From(options), options.Has("--strict"), Console.Error,
            bars: !options.Has("--plain") && BuildProgressDisplay.IsTerminal()) ? 0 : 1);

    /// <summary>One build with its report on the console; true when the output was replaced.</summary>
    public static bool Run(SitePaths paths) => Run(paths, strict: false, Console.Error, BuildProgressDisplay.IsTerminal());

    /// <summary>One build reported to <paramref name="log"/>, with bars or plain lines; true when the output was replaced.</summary>
    public static bool Run(SitePaths paths, bool strict, TextWriter log, bool bars)
    {
        var theme = new ThemeFolder(paths.Theme);
        if (ThemePackages.EnsureInstalled(theme, message => log.WriteLine("build: " + message)) is { } problem)
        {
            log.WriteLine("build: " + problem);
            return false;
        }
        BuildResult result;
        try
        {
            var options = new BuildOptions { Strict = strict };
            var check = SinceLastBuild.Check(paths.Input, paths.Output, theme, options);
            using var uncollected = RebuildWithoutCollections.Start(check);
            // Bars (and the library that draws them) only for a build that has something to do.
            result = check.Unchanged is not null ? SiteBuilder.Build(check, options)
                : bars ? BuildProgressDisplay.WithBars(progress => SiteBuilder.Build(check, options with { Progress = progress }))
                : SiteBuilder.Build(check, options with { Progress = BuildProgressDisplay.PlainLines(log) });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"build: failed, {paths.Output} left as it was: {e.Message}");
            return false;
        }
        BuildSummary.Write(result, paths, log);
        return result.Succeeded;
    }
}

/// <summary>The folders a build reads and writes, from <c>--input</c>, <c>--output</c> and <c>--theme</c>.</summary>
public sealed record SitePaths(string Input, string Output, string Theme)
{
    public static SitePaths From(CommandLineOptions options) => new(
        Path.GetFullPath(options.Get("--input", "input")),
        Path.GetFullPath(options.Get("--output", "output")),
        Path.GetFullPath(options.Get("--theme", "theme")));
}
