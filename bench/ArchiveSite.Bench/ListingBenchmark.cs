using System.Diagnostics;
using ArchiveSite.Output;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench listing SITE</c>: an output folder listed as the no-change check and the keep test list it (every file
/// and folder with size and time), through .NET's listing and through <see cref="LinuxListing"/>, alternately, with
/// wall and process CPU time per run (CPU is what load on a shared machine does not inflate).
/// </summary>
static class ListingBenchmark
{
    public const string Usage = "listing SITE [--runs 5]";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 1 || !Directory.Exists(args.Positional[0]))
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var site = Path.GetFullPath(args.Positional[0]);
        var runs = int.Parse(args.Get("runs", "5"));
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
        return 0;
    }
}
