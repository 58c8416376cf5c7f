using System.Buffers;
using System.Text;
using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Download;

/// <summary>
/// The last output step: zips the whole staged site into <c>archive.zip</c> for offline reading.
/// Every page's footer shows the download's size in <c>&lt;span class="archive-size"&gt;</c>, but the pages
/// are inside the zip, so the size is a fixed point. Each file is planned first (<see cref="PlannedEntry"/>):
/// an entry the last build's zip holds for the same content (per the <see cref="ZipIndex"/> in the build cache)
/// is copied from that zip; other text is deflated in memory, a page in chunks with its size text between them
/// as stored blocks, so the zip's size for any size text is arithmetic. The size is settled from a guess (the
/// size with the placeholder in every page); the shown size is coarse ("12.4 MB"), so the second guess almost
/// always holds, and when the size lands just under the guess the zip's comment pads it up to it. Then only
/// the pages that do not show it yet are rewritten, and the zip is written in one sequential pass.
/// </summary>
public sealed class WriteArchiveZip : IOutputStep
{
    const int MaxRounds = 4;

    /// <summary>What the base layout shows in the size span before the size is known.</summary>
    const string Placeholder = "zip";

    public string Name => "download";

    public void Run(OutputContext context)
    {
        // Only a site staged on disk can be zipped; writers that keep pages elsewhere (tests) get no download.
        if (context.Writer is not StagedOutput staged)
            return;
        var previousPath = Path.Combine(staged.OutputDirectory, ArchiveZip.FileName);
        var indexFile = ZipIndex.FileFor(context.CacheDirectory, staged.OutputDirectory);
        var index = ZipIndex.Load(indexFile, previousPath);
        using var previous = index is null ? null : PreviousZip.Open(previousPath);

        var paths = staged.Files.Where(p => p != ArchiveZip.FileName).ToList();
        var plans = Plan(context, staged, paths, index, previous);
        if (Settle(plans) is not var (shown, size, padding))
        {
            context.Report(new Diagnostic(Severity.Error, ArchiveZip.FileName, 1, $"the download's size did not settle after {MaxRounds} rounds"));
            return;
        }
        var crcs = Show(staged, paths, plans, shown);
        var entries = plans.Select((plan, i) => new ZipEntry(plan.Name, plan.ToFile(shown, crcs[i]))).ToList();
        long written = 0;
        context.Writer.Write(ArchiveZip.FileName, stream => written = ZipWriter.Write(stream, entries, new string(' ', padding)));
        if (written != size + padding)
            throw new InvalidOperationException($"the download has {written} bytes, not the {size + padding} computed for its pages");
        SaveIndex(indexFile, staged, paths, plans, entries, shown);
    }

    static bool IsPage(string path) => path.EndsWith(".html", StringComparison.Ordinal);

    static string EntryName(string path) => $"{ArchiveZip.FolderName}/{path}";

    /// <summary>Plans every file in parallel: copied from the last zip when it holds the same content, else read and compressed.</summary>
    static PlannedEntry[] Plan(OutputContext context, StagedOutput staged, List<string> paths, ZipIndex? index, PreviousZip? previous)
    {
        var plans = new PlannedEntry[paths.Count];
        var done = 0;
        Parallel.For(0, paths.Count, i =>
        {
            var path = paths[i];
            var name = EntryName(path);
            plans[i] = (index is not null && previous is not null && index.Entries.TryGetValue(name, out var old) && old.Hash == staged.HashOf(path)
                           ? PlannedEntry.Reuse(name, old, index.Shown, previous)
                           : null)
                       ?? Compress(name, staged.PathOf(path), IsPage(path));
            context.ReportProgress(Interlocked.Increment(ref done), paths.Count);
        });
        return plans;
    }

    static PlannedEntry Compress(string name, string path, bool isPage) =>
        WithContent(path, content => PlannedEntry.Compress(name, path, content, isPage));

    /// <summary>
    /// Reads a file into a pooled buffer for <paramref name="use"/>, which must not keep it: a site's worth of files
    /// allocated one by one costs more than compressing them.
    /// </summary>
    static T WithContent<T>(string path, Func<ReadOnlySpan<byte>, T> use)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = checked((int)RandomAccess.GetLength(file));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            for (var read = 0; read < length;)
            {
                var got = RandomAccess.Read(file, buffer.AsSpan(read, length - read), read);
                if (got == 0)
                    throw new IOException($"'{path}' ended after {read} of {length} bytes");
                read += got;
            }
            return use(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The size text every page shows, the zip's size showing it and the comment padding that makes it show it;
    /// null when no guess holds. The first guess must come from this site alone (not, say, the last build's
    /// download): sizes near a rounding boundary can have two fixed points, and an incremental build must settle
    /// on the same one as a clean build.
    /// </summary>
    static (string Shown, long Size, int Padding)? Settle(PlannedEntry[] plans)
    {
        var names = plans.Select(p => p.Name).ToList();
        long SizeShowing(string text) => ZipWriter.SizeOf(names, plans.Select(p => p.CompressedLength(text)).ToList());

        var shownFrom = SizeShowing(Placeholder);
        var shown = ArchiveZip.FormatSize(shownFrom);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var size = SizeShowing(shown);
            if (ArchiveZip.FormatSize(size) == shown)
                return (shown, size, 0);
            if (PaddingToShow(shown, size, shownFrom) is { } padding)
                return (shown, size, padding);
            (shown, shownFrom) = (ArchiveZip.FormatSize(size), size);
        }
        return null;
    }

    /// <summary>
    /// When <paramref name="size"/> falls just short of what <paramref name="shown"/> stands for (it came from
    /// a larger zip <paramref name="shownFrom"/>), the comment length that makes the zip show it; else null.
    /// </summary>
    internal static int? PaddingToShow(string shown, long size, long shownFrom)
    {
        if (shownFrom <= size || ArchiveZip.FormatSize(shownFrom) != shown)
            return null;
        // FormatSize never decreases with size, so the sizes showing `shown` below shownFrom are one run ending there.
        long low = size, high = shownFrom;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (ArchiveZip.FormatSize(middle) == shown)
                high = middle;
            else
                low = middle + 1;
        }
        return low - size <= ZipWriter.MaxCommentLength ? (int)(low - size) : null;
    }

    /// <summary>Rewrites the staged pages that do not show <paramref name="shown"/> yet; returns every file's CRC as it will be zipped.</summary>
    static uint[] Show(StagedOutput staged, List<string> paths, PlannedEntry[] plans, string shown)
    {
        var text = Encoding.UTF8.GetBytes(shown);
        var crcs = new uint[plans.Length];
        Parallel.For(0, plans.Length, i =>
        {
            var plan = plans[i];
            if (plan.Shows(shown))
            {
                crcs[i] = plan.Crc32;
                return;
            }
            crcs[i] = WithContent(staged.PathOf(paths[i]), page =>
            {
                var spans = DownloadSize.Spans(page);
                var length = DownloadSize.LengthShowing(page.Length, spans, text.Length);
                if (length != plan.Length(shown))
                    throw new InvalidOperationException($"'{paths[i]}' changed while the download was made");
                var buffer = ArrayPool<byte>.Shared.Rent(length);
                try
                {
                    var showing = buffer.AsSpan(0, length);
                    DownloadSize.ShowInto(page, spans, text, showing);
                    staged.Rewrite(paths[i], showing);
                    return System.IO.Hashing.Crc32.HashToUInt32(showing);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            });
        });
        return crcs;
    }

    static void SaveIndex(string file, StagedOutput staged, List<string> paths, PlannedEntry[] plans, List<ZipEntry> entries, string shown)
    {
        var offsets = ZipWriter.LocalHeaderOffsets(entries);
        var indexed = new Dictionary<string, ZipIndex.Entry>(plans.Length, StringComparer.Ordinal);
        for (var i = 0; i < plans.Length; i++)
        {
            var zipped = entries[i].File;
            indexed[plans[i].Name] = new ZipIndex.Entry(staged.HashOf(paths[i]), zipped.Deflated, zipped.Crc32, zipped.Length, offsets[i],
                [.. plans[i].Pieces.Select(p => p.Length)]);
        }
        var zip = new FileInfo(staged.PathOf(ArchiveZip.FileName));
        new ZipIndex(zip.Length, zip.LastWriteTimeUtc.Ticks, shown, indexed).Save(file);
    }
}
