using System.Diagnostics;
using ArchiveSite.Build;
using ArchiveSite.Site;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench build INPUT [--output DIR] [--theme DIR] [--cache DIR]</c>: a cold build of INPUT (e.g. bench/out/1000
/// from <c>bench generate</c>) with an empty build cache, a rebuild with nothing changed, and a rebuild after one
/// transcript changed (both incremental, with the cache and output the build before left), each with time per
/// phase; then peak memory, output size, search index bytes and the download's size. <c>--changes N</c> makes N
/// one-transcript changes in turn (the line is added, then taken away again, ...), for figures of a process whose
/// code is already compiled; <c>--reuse</c> starts from the cache and output the last run left (no cold build: its
/// first build compiles the code a rebuild runs).
/// </summary>
static class BuildBenchmark
{
    public const string Usage = "build INPUT [--output bench/out/site] [--theme theme] [--cache bench/out/cache] [--changes 1] [--reuse]";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 1 || !Directory.Exists(args.Positional[0]))
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var input = Path.GetFullPath(args.Positional[0]);
        var output = Path.GetFullPath(args.Get("--output", Path.Combine("bench", "out", "site")));
        var theme = new ThemeFolder(Path.GetFullPath(args.Get("--theme", "theme")));
        if (ThemePackages.EnsureInstalled(theme, Console.Error.WriteLine) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return 1;
        }
        var options = new BuildOptions { CacheDirectory = Path.GetFullPath(args.Get("--cache", Path.Combine("bench", "out", "cache"))) };
        var changes = int.TryParse(args.Get("--changes", "1"), out var n) && n > 0 ? n : 1;
        if (!args.Has("--reuse"))
        {
            foreach (var folder in new[] { output, options.CacheDirectory })
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
            if (!Measure("cold build", input, output, theme, options))
                return 1;
        }
        Measure("no-change rebuild", input, output, theme, options);
        var changed = Directory.EnumerateFiles(Path.Combine(input, InputPhase.TranscriptsFolder)).Order(StringComparer.Ordinal).First();
        var original = File.ReadAllBytes(changed);
        try
        {
            for (var i = 0; i < changes; i++)
            {
                if (i % 2 == 0)
                    File.AppendAllText(changed, "\n\nDr. Added:  One more sentence for the benchmark. \n");
                else
                    File.WriteAllBytes(changed, original);
                Measure("one-transcript change", input, output, theme, options);
            }
        }
        finally
        {
            File.WriteAllBytes(changed, original);
        }

        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        var search = Path.Combine(output, "search");
        var searchBytes = Directory.Exists(search)
            ? Directory.EnumerateFiles(search, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : 0;
        var zip = new FileInfo(Path.Combine(output, "archive.zip"));
        Console.WriteLine($"output: {files.Count:N0} files, {Mb(files.Sum(f => f.Length))}; search index {Mb(searchBytes)} " +
                          $"({(Directory.Exists(search) ? Directory.GetFiles(search).Length : 0)} files); " +
                          $"archive.zip {(zip.Exists ? Mb(zip.Length) : "none")}");
        Console.WriteLine($"peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)}");
        return 0;
    }

    static bool Measure(string label, string input, string output, ThemeFolder theme, BuildOptions options)
    {
        var memory = new Dictionary<string, string>(StringComparer.Ordinal);
        // CPU is counted from the start of this build: what came before (the last build, deleting the last
        // benchmark's output) is not this build's.
        TimeSpan cpuAtStart, sysAtStart;
        using (var current = Process.GetCurrentProcess())
            (cpuAtStart, sysAtStart) = (current.TotalProcessorTime, current.PrivilegedProcessorTime);
        var jitAtStart = System.Runtime.JitInfo.GetCompilationTime();
        var gcPauseAtStart = GC.GetTotalPauseDuration();
        var allocatedAtStart = GC.GetTotalAllocatedBytes();
        int[] collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var methodsAtStart = System.Runtime.JitInfo.GetCompiledMethodCount();
        options = options with
        {
            // Memory and CPU time as each phase ends: where the peak working set jumps is where the peak comes from,
            // and CPU time says more than wall time on a shared machine.
            Progress = (phase, done, total) =>
            {
                if (done < total)
                    return;
                using var process = Process.GetCurrentProcess();
                lock (memory)
                    memory[phase] = $"heap {Mb(GC.GetTotalMemory(false)),9}, working set {Mb(process.WorkingSet64),9}, " +
                                    $"peak {Mb(process.PeakWorkingSet64),9}, build CPU so far {(process.TotalProcessorTime - cpuAtStart).TotalSeconds,6:F2} s " +
                                    $"({(process.PrivilegedProcessorTime - sysAtStart).TotalSeconds,5:F2} s sys), " +
                                    $"JIT so far {(System.Runtime.JitInfo.GetCompilationTime() - jitAtStart).TotalSeconds,5:F2} s, " +
                                    $"allocated so far {Mb(GC.GetTotalAllocatedBytes() - allocatedAtStart)}, GC pauses so far {(GC.GetTotalPauseDuration() - gcPauseAtStart).TotalSeconds,5:F2} s " +
                                    $"(collections of gen 0/1/2: {string.Join('/', collectionsAtStart.Select((start, gen) => GC.CollectionCount(gen) - start))})";
            },
        };
        var stopwatch = Stopwatch.StartNew();
        var result = SiteBuilder.Build(input, output, theme, options);
        var total = stopwatch.Elapsed;
        TimeSpan cpu, sys;
        using (var current = Process.GetCurrentProcess())
            (cpu, sys) = (current.TotalProcessorTime - cpuAtStart, current.PrivilegedProcessorTime - sysAtStart);
        Console.WriteLine($"{label}: {total.TotalSeconds:F2} s ({cpu.TotalSeconds:F2} s CPU, {sys.TotalSeconds:F2} s of it sys), {(result.Succeeded ? "ok" : "FAILED")}, " +
                          $"{result.Counts?.Transcripts ?? 0} transcripts, {result.FilesWritten:N0} files ({result.FilesChanged:N0} written), " +
                          $"{result.Errors.Count()} errors, {result.Warnings.Count()} warnings; JIT " +
                          $"{(System.Runtime.JitInfo.GetCompilationTime() - jitAtStart).TotalSeconds:F2} s for " +
                          $"{System.Runtime.JitInfo.GetCompiledMethodCount() - methodsAtStart:N0} methods");
        foreach (var time in result.Times)
            Console.WriteLine($"    {time.Name,-28} {time.Elapsed.TotalSeconds,7:F2} s  " +
                              memory.GetValueOrDefault(time.Name.Replace("output: ", ""), ""));
        foreach (var error in result.Errors.Take(5))
            Console.WriteLine("    " + error);
        return result.Succeeded;
    }

    static string Mb(long bytes) => $"{bytes / 1048576.0:F1} MB";
}
