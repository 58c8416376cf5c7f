using System.Text.RegularExpressions;
using ArchiveSite.Build;
using ArchiveSite.Model;

namespace ArchiveSite.Cli.Commands;

/// <summary>
/// What a build says when it ends: every error with its file and line, the warnings counted by kind with
/// the first few in full, then what was built and the time per phase.
/// </summary>
public static partial class BuildSummary
{
    public const int WarningsListed = 20;

    public static void Write(BuildResult result, SitePaths paths, TextWriter log)
    {
        foreach (var error in result.Errors)
            log.WriteLine(error);
        var warnings = result.Warnings.ToList();
        WriteWarnings(warnings, log);

        if (!result.Succeeded)
        {
            log.WriteLine($"build: failed with {result.Errors.Count()} errors and {warnings.Count} warnings; {paths.Output} left as it was");
            return;
        }
        var counts = result.Counts!;
        var (shards, indexBytes) = result.SearchIndex ?? new SearchIndexSize(0, 0);
        log.WriteLine($"build: {counts.Transcripts:N0} transcripts, {counts.Pages:N0} pages, {counts.Quotes:N0} quotes, " +
                      $"{counts.Speakers:N0} speakers, {counts.Topics:N0} topics; search index {shards:N0} shards, {Size(indexBytes)}; " +
                      $"{result.FilesWritten:N0} files in {paths.Output} ({warnings.Count} warnings)");
        if (result.Unchanged)
            log.WriteLine($"build: nothing changed since the last build; {paths.Output} is as it left it");
        log.WriteLine("build: time per phase: " + string.Join(", ", result.Times.Select(t => $"{t.Name} {t.Elapsed.TotalSeconds:0.00} s")));
    }

    static void WriteWarnings(List<Diagnostic> warnings, TextWriter log)
    {
        if (warnings.Count == 0)
            return;
        log.WriteLine($"warnings: {warnings.Count}, by kind:");
        foreach (var kind in warnings.GroupBy(w => KindOf(w.Message)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            log.WriteLine($"  {kind.Count(),6} x {kind.Key}");
        log.WriteLine(warnings.Count > WarningsListed ? $"the first {WarningsListed}:" : "all of them:");
        foreach (var warning in warnings.Take(WarningsListed))
            log.WriteLine("  " + warning);
    }

    /// <summary>
    /// A warning's message without its particulars (quoted words, numbers), so "the label "Q" has no text"
    /// and "the label "A" has no text" count as one kind.
    /// </summary>
    public static string KindOf(string message) => Numbers().Replace(Quoted().Replace(message, "$1…$3"), "N");

    /// <summary>A quotation opens after a space or the start and closes before one, so "quote's" is not one.</summary>
    [GeneratedRegex("""(?<![\p{L}\p{N}])(['"“‘])(.*?)(['"”’])(?![\p{L}\p{N}])""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    static string Size(long bytes) => bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.0} KB" : $"{bytes / 1048576.0:0.0} MB";
}
