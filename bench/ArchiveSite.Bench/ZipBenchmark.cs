using System.Diagnostics;
using ArchiveSite.Download;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench zip SITE</c>: compresses every text file of a built site at zlib levels 1 (Fastest), 6 (Optimal)
/// and 9 (SmallestSize) on one thread, and prints the compressed size and time of each, to choose
/// <see cref="CompressedFile.DeflateLevel"/>.
/// </summary>
static class ZipBenchmark
{
    public const string Usage = "zip SITE (a built site, e.g. bench/out/site)";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 1 || !Directory.Exists(args.Positional[0]))
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var files = ArchiveZip.FilesOf(args.Positional[0])
            .Where(f => CompressedFile.ShouldDeflate(f.EntryName))
            .Select(f => File.ReadAllBytes(f.FullPath))
            .ToList();
        var total = files.Sum(f => (long)f.Length);
        Console.WriteLine($"{files.Count:N0} text files, {total / 1048576.0:F1} MB");
        foreach (var level in new[] { 1, 6, 9 })
        {
            var started = Stopwatch.GetTimestamp();
            var compressed = files.Sum(f => CompressedFile.Compress(f, deflate: true, level).CompressedLength);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Console.WriteLine($"level {level}: {compressed / 1048576.0:F1} MB ({100.0 * compressed / total:F1}%), {elapsed.TotalSeconds:F2} s on one thread");
        }
        return 0;
    }
}
