using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ArchiveSite.Cards;

namespace ArchiveSite.Bench;

/// <summary>
/// `card-png N [--site DIR]`: draws N cards once (or, with <c>--site</c>, takes the first N cards a build wrote into
/// DIR/cards, which are real quotes), then encodes them with each PNG variant (filter, zlib level and strategy,
/// bit depth) on one thread, and prints bytes and CPU time per card, and whether Skia decodes it to the same picture;
/// <c>--variants none</c> stops after our own encoder.
/// </summary>
static class CardPngBenchmark
{
    public const string Usage = "card-png [N=200] [--site DIR] [--variants none]   size and one-thread CPU time per card of each PNG encoding variant";

    public static int Run(BenchArgs args)
    {
        var count = args.Positional.Count > 0 && int.TryParse(args.Positional[0], out var n) && n > 0 ? n : 200;
        var site = args.Get("--site", "");
        var cards = site == "" ? Drawn(count) : Built(Path.Combine(site, "cards"), count);
        count = cards.Length;
        var (w, h, palette) = (CardRenderer.Width, CardRenderer.Height, CardRenderer.Palette);
        var nonzero = cards.Average(c => c.Count(b => b != 0));
        var blankRows = cards.Average(c => Enumerable.Range(0, h).Count(y => c.AsSpan(y * (w + 1), w + 1).IndexOfAnyExcept((byte)0) < 0));
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(cards.SelectMany(c => c).ToArray()))[..16];
        Console.WriteLine($"card-png: {count} cards (pixels {digest}), {nonzero:F0} non-background bytes and {blankRows:F0} blank rows a card on average");

        // The fastest of three passes: on a shared machine the slower passes measure the neighbours.
        Console.WriteLine($"  {"current encoder (None, Fastest), best of 3",-46} {Measure(cards, s => IndexedPngEncoder.EncodeScanlines(s, w, h, palette).Length, count, passes: 3)}");
        var encoded = System.Security.Cryptography.SHA256.HashData(cards.SelectMany(c => IndexedPngEncoder.EncodeScanlines(c, w, h, palette)).ToArray());
        Console.WriteLine($"  encoded bytes {Convert.ToHexStringLower(encoded)[..16]}");
        var check = new ZLibStream(new MemoryStream(RowDeflater.Compress(cards[^1], w + 1).ToArray()), CompressionMode.Decompress);
        var inflated = new MemoryStream();
        check.CopyTo(inflated);
        Console.WriteLine($"  RowDeflater inflates back to the rows: {inflated.ToArray().AsSpan().SequenceEqual(cards[^1])}");
        if (args.Get("--variants", "all") == "none")
            return 0;
        foreach (var filter in new[] { 0, 1, 2 })
            foreach (var depth in new[] { 8, 4 })
            {
                var rows = cards.Select(c => Rows(c, w, h, palette, depth, filter)).ToArray();
                foreach (var (level, strategy) in new[] { (1, ZLibCompressionStrategy.Default), (2, ZLibCompressionStrategy.Default), (3, ZLibCompressionStrategy.Default),
                             (4, ZLibCompressionStrategy.Default), (6, ZLibCompressionStrategy.Default), (1, ZLibCompressionStrategy.RunLengthEncoding), (1, ZLibCompressionStrategy.Filtered) })
                {
                    var options = new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy };
                    var buffer = new MemoryStream();
                    Console.WriteLine($"  {$"{depth}-bit {FilterName(filter)}, level {level} {strategy}",-46} {Measure(rows, r => Deflate(r, options, buffer), count)}");
                }
            }
        return 0;
    }

    static byte[][] Drawn(int count)
    {
        using var fonts = CardFonts.Load(Path.Combine(CardsBenchmark.FindRepoRoot(), "theme"));
        using var renderer = new CardRenderer(fonts);
        return [.. Enumerable.Range(0, count).Select(i => (byte[])renderer.DrawPaletted(CardsBenchmark.MakeCard(i)).Scanlines.Clone())];
    }

    /// <summary>The rows of the first <paramref name="count"/> cards (by name) in <paramref name="folder"/>, inflated from their PNGs.</summary>
    static byte[][] Built(string folder, int count) =>
        [.. Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal).Take(count).Select(file => Inflate(File.ReadAllBytes(file)))];

    static byte[] Inflate(byte[] png)
    {
        var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (Encoding.ASCII.GetString(png, at + 4, 4) == "IDAT")
                data.Write(png, at + 8, length);
            at += 12 + length;
        }
        data.Position = 0;
        var rows = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
            zlib.CopyTo(rows);
        return rows.ToArray();
    }

    static string FilterName(int filter) => filter switch { 0 => "None", 1 => "Sub", _ => "Up" };

    static string Measure(byte[][] inputs, Func<byte[], long> encode, int count, int passes = 1)
    {
        encode(inputs[0]);
        long bytes = 0;
        var cpu = double.MaxValue;
        for (var pass = 0; pass < passes; pass++)
        {
            bytes = 0;
            var started = ThreadCpuClock.NowMs();
            foreach (var input in inputs)
                bytes += encode(input);
            cpu = Math.Min(cpu, ThreadCpuClock.NowMs() - started);
        }
        return $"{bytes / count / 1024.0,6:F1} KiB {cpu / count,6:F3} ms CPU/card";
    }

    static long Deflate(byte[] rows, ZLibCompressionOptions options, MemoryStream buffer)
    {
        buffer.SetLength(0);
        using (var zlib = new ZLibStream(buffer, options, leaveOpen: true))
            zlib.Write(rows);
        return buffer.Length + 8 + 4 * 12 + 13 + 49 * 3;
    }

    // 4-bit trial: 5 levels an ink instead of 16 (1 + 3 x 5 = 16 colours); the picture changes, the size is what is measured.
    static byte Quantize(byte index, CardPalette palette)
    {
        if (index == 0) return 0;
        var ink = (index - 1) / palette.Levels;
        var level = (index - 1) % palette.Levels + 1;
        var coarse = (level * 5 + palette.Levels / 2) / palette.Levels;
        return coarse == 0 ? (byte)0 : (byte)(1 + ink * 5 + coarse - 1);
    }

    static byte[] Rows(byte[] scanlines, int w, int h, CardPalette palette, int depth, int filter)
    {
        var rowBytes = depth == 8 ? w : (w + 1) / 2;
        var stride = rowBytes + 1;
        var rows = new byte[stride * h];
        var raw = new byte[rowBytes];
        var previous = new byte[rowBytes];
        for (var y = 0; y < h; y++)
        {
            var source = scanlines.AsSpan(y * (w + 1) + 1, w);
            if (depth == 8) source.CopyTo(raw);
            else
                for (var x = 0; x < w; x += 2)
                    raw[x / 2] = (byte)(Quantize(source[x], palette) << 4 | (x + 1 < w ? Quantize(source[x + 1], palette) : 0));
            var row = rows.AsSpan(y * stride, stride);
            row[0] = (byte)filter;
            for (var x = 0; x < rowBytes; x++)
                row[1 + x] = filter switch
                {
                    0 => raw[x],
                    1 => (byte)(raw[x] - (x > 0 ? raw[x - 1] : 0)),
                    _ => (byte)(raw[x] - previous[x]),
                };
            raw.CopyTo(previous, 0);
        }
        return rows;
    }
}
