using System.Diagnostics;
using System.Text;
using ArchiveSite.Bench.Generation;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench generate [--out DIR] [--sizes 100,1000,10000] [--seed N]</c>: writes DIR/&lt;size&gt;/transcripts/*.txt
/// (an input folder the build can take as --input DIR/&lt;size&gt;) for each size.
/// </summary>
static class GenerateCommand
{
    public const string Usage = "generate [--out bench/out] [--sizes 100,1000,10000] [--seed 1]";

    public static int Run(BenchArgs args)
    {
        var outDir = args.Get("--out", Path.Combine("bench", "out"));
        var seed = int.Parse(args.Get("--seed", "1"));
        var sizes = args.Get("--sizes", "100,1000,10000").Split(',').Select(int.Parse).ToArray();
        var generator = new TranscriptGenerator(seed);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        foreach (var size in sizes)
        {
            var stopwatch = Stopwatch.StartNew();
            var folder = Path.Combine(outDir, size.ToString(), "transcripts");
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            long words = 0, bytes = 0;
            Parallel.For(0, size, i =>
            {
                var transcript = generator.Generate(i);
                var data = utf8.GetBytes(transcript.Text);
                File.WriteAllBytes(Path.Combine(folder, transcript.FileName), data);
                Interlocked.Add(ref words, transcript.SpokenWords);
                Interlocked.Add(ref bytes, data.Length);
            });
            Console.WriteLine($"{size,6} transcripts  {words,12:N0} words  {bytes / 1048576.0,8:F1} MB  " +
                              $"{stopwatch.Elapsed.TotalSeconds,6:F1} s  -> {Path.GetFullPath(folder)}");
        }
        return 0;
    }
}
