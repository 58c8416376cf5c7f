using ArchiveSite.Build;
using ArchiveSite.Model;
using ArchiveSite.Site;

namespace ArchiveSite.Cli.Commands;

/// <summary>Builds the archive in <c>input/</c> into <c>output/</c>; on any error the previous output stays.</summary>
public sealed class BuildCommand : ICommand
{
    const int WarningsListed = 20;

    public string Name => "build";
    public string Summary => "build [--input DIR] [--output DIR] [--theme DIR]: build the site (defaults ./input ./output ./theme)";

    public Task<int> RunAsync(CommandLineOptions options) =>
        Task.FromResult(Run(SitePaths.From(options)) ? 0 : 1);

    /// <summary>One build with its report on the console; true when the output was replaced.</summary>
    public static bool Run(SitePaths paths)
    {
        var theme = new ThemeFolder(paths.Theme);
        if (ThemePackages.EnsureInstalled(theme, message => Console.Error.WriteLine("build: " + message)) is { } problem)
        {
            Console.Error.WriteLine("build: " + problem);
            return false;
        }
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(paths.Input, paths.Output, theme);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"build: failed, {paths.Output} left as it was: {e.Message}");
            return false;
        }
        Report(result, paths);
        return result.Succeeded;
    }

    static void Report(BuildResult result, SitePaths paths)
    {
        foreach (var error in result.Errors)
            Console.Error.WriteLine(error);
        var warnings = result.Warnings.ToList();
        foreach (var warning in warnings.Take(WarningsListed))
            Console.Error.WriteLine(warning);
        if (warnings.Count > WarningsListed)
            Console.Error.WriteLine($"... and {warnings.Count - WarningsListed} more warnings");

        var times = string.Join(", ", result.Times.Select(t => $"{t.Name} {t.Elapsed.TotalMilliseconds:0} ms"));
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"build: failed with {result.Errors.Count()} errors and {warnings.Count} warnings; {paths.Output} left as it was");
            return;
        }
        var archive = result.Site!.Archive;
        Console.Error.WriteLine($"build: {archive.Transcripts.Count} transcripts, {archive.People.Count} speakers, {archive.Topics.Count} topics, " +
            $"{archive.Quotes.Count} quotes -> {result.FilesWritten} files in {paths.Output} ({warnings.Count} warnings)");
        Console.Error.WriteLine($"build: {times}");
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
