using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ArchiveSite.Ingest;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench read DIR [--workers N] [--runs 3]</c>: reads every transcript under DIR with the reader the build
/// uses, one file per worker at a time, and prints time, CPU time, words per second and memory; then the cost
/// of each reader pass per file, and a hash of every model read (as <c>inspect --json</c> prints it), so that a
/// change made for speed can be checked to read the archive exactly as before. Issue 2's target: 1,000
/// transcripts of about 5,000 words in under 2 s on 2 cores, memory proportional to one transcript per core.
/// </summary>
static class ReadBenchmark
{
    public const string Usage = "read DIR [--workers N] [--runs 3]";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 1 || !Directory.Exists(args.Positional[0]))
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var files = TranscriptFiles.Under(args.Positional[0]);
        var workers = int.Parse(args.Get("--workers", Environment.ProcessorCount.ToString()));
        var runs = int.Parse(args.Get("--runs", "3"));
        if (files.Length == 0)
        {
            Console.Error.WriteLine("no files in " + args.Positional[0]);
            return 2;
        }

        TranscriptReader.ReadFile(files[0]); // JIT and regex warm-up, not timed
        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"{files.Length:N0} files, {workers} workers, baseline working set {Mb(baseline)}");

        var best = TimeSpan.MaxValue;
        var timings = new ReadTimings();
        for (var run = 1; run <= runs; run++)
        {
            long words = 0, turns = 0, bytes = 0, errors = 0;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = workers }, file =>
            {
                var transcript = TranscriptReader.ReadFile(file, timings);
                long fileWords = 0, fileTurns = 0;
                foreach (var turn in transcript.Turns)
                {
                    fileTurns++;
                    foreach (var paragraph in turn.Paragraphs)
                        fileWords += CountWords(paragraph);
                }
                Interlocked.Add(ref words, fileWords);
                Interlocked.Add(ref turns, fileTurns);
                Interlocked.Add(ref bytes, new FileInfo(file).Length);
                if (transcript.Diagnostics.Any(d => d.Severity == Model.Severity.Error))
                    Interlocked.Increment(ref errors);
            });
            var elapsed = stopwatch.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            best = elapsed < best ? elapsed : best;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Console.WriteLine(
                $"run {run}: {elapsed.TotalSeconds:F2} s (CPU {cpu.TotalSeconds:F2} s)  {words:N0} words  {words / elapsed.TotalSeconds:N0} words/s  " +
                $"{bytes / 1048576.0 / elapsed.TotalSeconds:F1} MB/s  {turns:N0} turns  {errors} files with errors  " +
                $"allocated {Mb(allocated)}");
        }

        var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine($"best {best.TotalSeconds:F2} s; peak working set {Mb(process.PeakWorkingSet64)} " +
                          $"(baseline {Mb(baseline)}); GC heap after last collection {Mb(gc.HeapSizeBytes)}; " +
                          $"gen2 collections {GC.CollectionCount(2)}");
        PrintPasses(timings, files.Length * runs);
        Console.WriteLine($"models hash {ModelsHash(files, workers)}");
        return 0;
    }

    static void PrintPasses(ReadTimings timings, int reads)
    {
        Console.WriteLine($"per file, averaged over {reads:N0} reads (threads compete under load, so times are upper bounds):");
        foreach (var pass in timings.Passes)
            Console.WriteLine($"  {pass.Pass,-24} {pass.Time.TotalMilliseconds / reads,7:F3} ms  {pass.Allocated / 1024.0 / reads,8:F0} KB");
    }

    /// <summary>SHA-256 over every model's JSON in file order: equal hashes mean the archive reads the same.</summary>
    static string ModelsHash(string[] files, int workers)
    {
        var hashes = new byte[files.Length][];
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
            hashes[i] = SHA256.HashData(Encoding.UTF8.GetBytes(TranscriptJson.ToJson(TranscriptReader.ReadFile(files[i]), indented: false))));
        return Convert.ToHexStringLower(SHA256.HashData(hashes.SelectMany(h => h).ToArray()))[..16];
    }

    static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
                count++;
            inWord = letter;
        }
        return count;
    }

    static string Mb(long bytes) => $"{bytes / 1048576.0:F0} MB";
}
