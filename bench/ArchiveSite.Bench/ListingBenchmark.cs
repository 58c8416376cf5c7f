using System.Diagnostics;
using ArchiveSite.Output;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench listing SITE</c>: an output folder listed as the no-change check and the keep test list it (every file
/// and folder with size and time), through .NET's listing and through <see cref="LinuxListing"/>, alternately, with
/// wall and process CPU time per run (CPU is what load on a shared machine does not inflate). With
/// <c>--manifest FILE</c> (the folder's manifest in the build cache, see <see cref="OutputManifest.FileFor"/>) also
/// what a rebuild spends on them before it keeps a file: loading the manifest and <see cref="VerifiedFiles"/>.
/// </summary>
static class ListingBenchmark
{
    public const string Usage = "listing SITE [--runs 5] [--manifest FILE]";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 1 || !Directory.Exists(args.Positional[0]))
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var site = Path.GetFullPath(args.Positional[0]);
        var runs = int.Parse(args.Get("--runs", "5"));
        for (var run = 0; run <= runs; run++)
            foreach (var linux in new[] { false, true })
            {
                if (linux && !LinuxListing.Available)
                    continue;
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                var count = OutputListing.Listed(site, (ReadOnlySpan<char> folder, in OutputListing.Entry entry) => entry.Length ^ entry.Modified, folders: true, linux).Count();
                var wall = Stopwatch.GetElapsedTime(started);
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                // The first run of each loads and compiles; it is printed but is not the figure.
                Console.WriteLine($"{(run == 0 ? "warm-up " : "")}{(linux ? "linux " : ".NET  ")} {count:N0} entries  {wall.TotalMilliseconds,7:F1} ms wall  {cpu.TotalMilliseconds,7:F1} ms CPU");
            }
        if (args.Get("--manifest", "") is { Length: > 0 } file)
            for (var run = 0; run <= runs; run++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                if (OutputManifest.Load(file, site) is not { } manifest)
                {
                    Console.Error.WriteLine($"bench listing: {file} is not a manifest of {site} that this build can read");
                    return 2;
                }
                var loaded = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var kept = VerifiedFiles.Of(site, manifest).Count;
                var verified = Process.GetCurrentProcess().TotalProcessorTime - cpu - loaded;
                // The first run of each loads and compiles; it is printed but is not the figure.
                Console.WriteLine($"{(run == 0 ? "warm-up " : "")}manifest {manifest.Files.Count:N0} files  load {loaded.TotalMilliseconds,7:F1} ms CPU  verify {kept:N0} {verified.TotalMilliseconds,7:F1} ms CPU");
            }
        return 0;
    }
}
