using System.Security.Cryptography;
using ArchiveSite.Archive;
using ArchiveSite.Build;
using ArchiveSite.Cards;
using ArchiveSite.Ingest;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench archive-cards INPUT [--cache DIR] [--runs 3]</c>: the quote cards of a real archive (every quote of INPUT,
/// as a build draws them), drawn and encoded on one thread, with the CPU time a card of drawing (clearing the canvas
/// and stamping text) and of encoding (the PNG), their total size and a hash of every PNG in order: a change made for
/// speed must leave the hash unchanged, or say why the cards changed.
/// </summary>
static class ArchiveCardsBenchmark
{
    public const string Usage = "archive-cards INPUT [--cache DIR] [--runs 3]   time drawing and encoding every quote card of INPUT on one thread";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 1 || !Directory.Exists(args.Positional[0]))
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var input = Path.GetFullPath(args.Positional[0]);
        var cache = Path.GetFullPath(args.Get("--cache", Path.Combine("bench", "out", "cache")));
        var runs = int.Parse(args.Get("--runs", "3"));
        var read = InputPhase.Run(input, new TranscriptCache(cache));
        var archive = ArchiveLinker.Link(read.Registries, ProcessPhase.Run(read, null, cache));
        var cards = archive.Quotes.Select(quote => WriteQuoteCards.CardOf(archive, quote)).ToArray();
        using var fonts = CardFonts.Load(Path.Combine(CardsBenchmark.FindRepoRoot(), "theme"));
        fonts.Open();
        using var renderer = new CardRenderer(fonts);
        Console.WriteLine($"archive-cards: {cards.Length} cards of {input}, one thread");
        for (var run = 0; run < runs; run++)
        {
            double drawCpu = 0, encodeCpu = 0;
            long bytes = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var card in cards)
            {
                var cpu = ThreadCpuClock.NowMs();
                var drawn = renderer.DrawPaletted(card);
                var drawnAt = ThreadCpuClock.NowMs();
                var png = CardRenderer.EncodePng(drawn);
                var encoded = ThreadCpuClock.NowMs();
                (drawCpu, encodeCpu) = (drawCpu + drawnAt - cpu, encodeCpu + encoded - drawnAt);
                bytes += png.Length;
                hash.AppendData(png);
            }
            var n = cards.Length;
            Console.WriteLine($"run {run + 1}: draw {drawCpu / n:F4} ms CPU/card, encode {encodeCpu / n:F4} ms CPU/card, " +
                              $"{bytes / 1024.0 / 1024.0:F2} MiB, sha256 {Convert.ToHexString(hash.GetHashAndReset())[..16]} " +
                              $"(load average {File.ReadAllText("/proc/loadavg")[..14]})");
        }
        return 0;
    }
}
