using System.Diagnostics;
using ArchiveSite.Cards;
using ArchiveSite.Output;
using SkiaSharp;

namespace ArchiveSite.Bench;

/// <summary>
/// `cards N`: writes N distinct quote cards into an empty output folder the way a build does (drawn and encoded
/// in parallel, written through <see cref="StagedOutput"/> and committed: a cold build), then again into the
/// same folder (a rebuild, which must draw none), and times drawing against encoding on a sample.
/// </summary>
static class CardsBenchmark
{
    public const string Usage = "cards [N=1000]   write N quote cards into an output folder as a build does (cold, then a rebuild)";

    static readonly string[] Fragments =
    [
        "The archive is only as good as the questions we bring to it",
        "we measured twice and still found the tape had been cut",
        "nobody in that room expected the vote to go the other way",
        "Die Größe der Aufgabe überraschte uns alle, gerade in Düsseldorf",
        "Мы говорили о памяти и о том, как её сохранить",
        "Η ιστορία δεν επαναλαμβάνεται, αλλά ομοιοκαταληκτεί",
        "我们必须记住过去，才能理解现在",
        "and that, I think, is the whole point of keeping a record at all",
        "it was a small change in the rules with very large consequences",
        "listen to the people who were there before you write the summary",
    ];

    public static int Run(BenchArgs args)
    {
        var count = args.Positional.Count > 0 && int.TryParse(args.Positional[0], out var n) && n > 0 ? n : 1000;
        var theme = Path.Combine(FindRepoRoot(), "theme");
        var root = Path.Combine(Path.GetTempPath(), $"archivesite-cards-bench-{Environment.ProcessId}");
        var cards = Enumerable.Range(0, count).Select(i => ($"cards/{i}.png", MakeCard(i))).ToArray();
        try
        {
            Console.WriteLine($"cards: {count} cards, {Environment.ProcessorCount} cores, output {root}");
            var (coldMs, coldDrawn, bytes) = Build(theme, root, cards);
            Console.WriteLine($"cold build:  {coldMs,8:F0} ms total, {coldMs / count,6:F3} ms/card, {coldDrawn} drawn, " +
                              $"{bytes / 1024.0 / 1024.0:F1} MiB ({bytes / count / 1024.0:F1} KiB/card)");
            var (warmMs, warmDrawn, _) = Build(theme, root, cards);
            Console.WriteLine($"rebuild:     {warmMs,8:F0} ms total, {warmMs / count,6:F3} ms/card, {warmDrawn} drawn");
            Breakdown(theme, cards.Take(Math.Min(count, 200)).Select(c => c.Item2).ToArray());
            return coldDrawn == count && warmDrawn == 0 ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    static (double Ms, int Drawn, long Bytes) Build(string theme, string root, (string Path, QuoteCard Card)[] cards)
    {
        var output = Path.Combine(root, "output");
        var process = Process.GetCurrentProcess();
        var (userBefore, cpuBefore) = (process.UserProcessorTime, process.TotalProcessorTime);
        var clock = Stopwatch.StartNew();
        using var fonts = CardFonts.Load(theme);
        using var renderer = new CardRenderer(fonts);
        int drawn;
        double commitMs;
        using (var staged = new StagedOutput(output, Path.Combine(root, "cache", "manifest.json")))
        {
            drawn = CardOutput.Write(cards, renderer, staged);
            var written = clock.Elapsed.TotalMilliseconds;
            staged.Commit();
            commitMs = clock.Elapsed.TotalMilliseconds - written;
        }
        var ms = clock.Elapsed.TotalMilliseconds;
        // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too.
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var user = (process.UserProcessorTime - userBefore).TotalMilliseconds;
        Console.WriteLine($"             {cpu,8:F0} ms CPU (user {user:F0}, system {cpu - user:F0}), {cpu / cards.Length,6:F3} ms CPU/card, " +
                          $"of which the commit into the output folder {commitMs:F0} ms wall (load average {LoadAverage()})");
        return (ms, drawn, cards.Sum(c => new FileInfo(Path.Combine(output, c.Path)).Length));
    }

    /// <summary>One thread, glyph masks made: how the time of a card splits between drawing, our encoder and SkiaSharp's.</summary>
    static void Breakdown(string theme, QuoteCard[] sample)
    {
        using var fonts = CardFonts.Load(theme);
        using var renderer = new CardRenderer(fonts);
        // Glyph masks are made once a build: drawn once first, the sample times what most of a big build's cards cost.
        foreach (var card in sample)
            renderer.RenderPng(card);
        double draw = 0, encode = 0, drawCpu = 0, encodeCpu = 0;
        foreach (var card in sample)
        {
            var clock = Stopwatch.StartNew();
            var cpu = ThreadCpuClock.NowMs();
            var drawn = renderer.DrawPaletted(card);
            (draw, drawCpu) = (draw + clock.Elapsed.TotalMilliseconds, drawCpu + ThreadCpuClock.NowMs() - cpu);
            clock.Restart();
            cpu = ThreadCpuClock.NowMs();
            CardRenderer.EncodePng(drawn);
            (encode, encodeCpu) = (encode + clock.Elapsed.TotalMilliseconds, encodeCpu + ThreadCpuClock.NowMs() - cpu);
        }
        var skiaSample = sample.Take(20).ToArray();
        double skia = 0;
        foreach (var card in skiaSample)
        {
            using var bitmap = renderer.Draw(card);
            var clock = Stopwatch.StartNew();
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            skia += clock.Elapsed.TotalMilliseconds;
        }
        var n = sample.Length;
        Console.WriteLine($"one thread:  draw {draw / n:F3} ms/card ({drawCpu / n:F3} CPU), paletted PNG {encode / n:F3} ms/card ({encodeCpu / n:F3} CPU), " +
                          $"{n} cards (SkiaSharp PNG {skia / skiaSample.Length:F1} ms/card, {skiaSample.Length} cards)");
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    internal static QuoteCard MakeCard(int i)
    {
        // Deterministic variety: 1 to 9 fragments, so quotes run from one line to an ellipsis.
        var length = 1 + i * 7 % 9;
        var quote = string.Join(", ", Enumerable.Range(0, length).Select(k => Fragments[(i + k * 3) % Fragments.Length])) + ".";
        return new QuoteCard(quote, $"Speaker Number {i}", i % 3 == 0 ? null : "Professor of History, University of Somewhere",
            $"Panel {i % 97}: Keeping the Record", "ArchiveSite Bench");
    }

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ArchiveSite.sln")))
                return dir.FullName;
        throw new InvalidOperationException("ArchiveSite.sln not found above " + AppContext.BaseDirectory);
    }
}
