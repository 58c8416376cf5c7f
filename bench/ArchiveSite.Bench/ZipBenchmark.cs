using System.Diagnostics;
using ArchiveSite.Compression;
using ArchiveSite.Download;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench zip SITE</c>: on one thread, what the download step spends per file of a built site, split into
/// reading every file, CRC-32 of every file and planning every file as a cold step does (text deflated as
/// <see cref="CompressedFile.DeflateAs"/> does), copying the site's zip as a rebuild copies unchanged entries (in the
/// kernel, and through a buffer); then every text file compressed by <see cref="TextDeflater"/> and at zlib levels 1
/// (Fastest) to 6 (Optimal), with the compressed size. Times are wall and thread CPU (the CPU time is what load on a shared
/// machine does not inflate).
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
        var files = ArchiveZip.FilesOf(args.Positional[0]);
        Measure($"read {files.Count:N0} files, File.ReadAllBytes", () => files.Sum(f => (long)File.ReadAllBytes(f.FullPath).Length));
        var buffer = new byte[64 << 20];
        Measure($"read {files.Count:N0} files into one buffer", () => files.Sum(f =>
        {
            using var handle = File.OpenHandle(f.FullPath);
            return (long)RandomAccess.Read(handle, buffer, 0);
        }));
        Measure("read and CRC-32 every file", () => files.Sum(f => (long)System.IO.Hashing.Crc32.HashToUInt32(File.ReadAllBytes(f.FullPath))));
        Measure($"read and plan every file as a cold download step does (text deflated by TextDeflater)", () =>
            files.Sum(f => CompressedFile.ShouldDeflate(f.EntryName)
                ? PlannedEntry.InMemory(f.EntryName, "", File.ReadAllBytes(f.FullPath)).CompressedLength
                : new FileInfo(f.FullPath).Length));
        var zip = Path.Combine(args.Positional[0], ArchiveZip.FileName);
        if (File.Exists(zip))
        {
            var copy = Path.Combine(Path.GetTempPath(), $"bench-zip-{Environment.ProcessId}.zip");
            try
            {
                using var from = File.OpenHandle(zip);
                var length = RandomAccess.GetLength(from);
                using (var to = File.OpenHandle(copy, FileMode.Create, FileAccess.Write))
                    Measure($"copy {ArchiveZip.FileName} ({length / 1048576.0:F1} MB) as a rebuild copies unchanged entries (FileRanges)",
                        () => FileRanges.Copy(from, 0, to, 0, length));
                using (var to = File.OpenHandle(copy, FileMode.Create, FileAccess.Write))
                    Measure($"copy {ArchiveZip.FileName} through a buffer", () =>
                    {
                        var buffer = new byte[1 << 20];
                        for (long at = 0; at < length;)
                        {
                            var read = RandomAccess.Read(from, buffer, at);
                            RandomAccess.Write(to, buffer.AsSpan(0, read), at);
                            at += read;
                        }
                    });
            }
            finally
            {
                File.Delete(copy);
            }
        }

        var contents = files.Select(f => File.ReadAllBytes(f.FullPath)).ToList();
        var text = contents.Where((_, i) => CompressedFile.ShouldDeflate(files[i].EntryName)).ToList();
        var textBytes = text.Sum(f => (long)f.Length);
        Console.WriteLine($"{text.Count:N0} text files, {textBytes / 1048576.0:F1} MB, each compressed whole:");
        void Size(long compressed) => Console.WriteLine($"    {compressed / 1048576.0:F1} MB ({100.0 * compressed / textBytes:F1}%)");
        long ours = 0;
        Measure("TextDeflater (what the download uses for all but search shards)", () => ours = text.Sum(f => (long)TextDeflater.Deflate(f).Length));
        Size(ours);
        foreach (var level in new[] { 1, 2, 3, 4, 5, 6 })
        {
            long compressed = 0;
            Measure($"zlib level {level}", () => compressed = text.Sum(f => (long)CompressedFile.ZLibDeflate(f, level).Length));
            Size(compressed);
        }
        return 0;
    }

    static void Measure(string label, Action work)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = ThreadCpuClock.NowMs();
        work();
        Console.WriteLine($"{label}: {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s, thread CPU {(ThreadCpuClock.NowMs() - cpu) / 1000:F2} s");
    }
}
