using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Download;

/// <summary>
/// The last output step: zips the whole staged site into <c>archive.zip</c> for offline reading.
/// Every page's footer shows the download's size in <c>&lt;span class="archive-size"&gt;</c>, but the pages
/// are inside the zip, so the size is a fixed point. Text is deflated in chunks cached by content in the
/// build cache (a rebuild compresses only what changed), with each page's size text as a stored block
/// between chunks, so a new guess at the size costs no compression, only a CRC and arithmetic. Images and
/// fonts are stored as they are. The pages are filled in with a guess (the last build's size) and the zip's
/// size is computed from the entries without writing it; the shown size is coarse ("12.4 MB"), so the
/// second guess almost always holds, and when the size lands just under the guess the zip's comment pads it
/// up to it.
/// </summary>
public sealed class WriteArchiveZip : IOutputStep
{
    const int MaxRounds = 4;

    /// <summary>The build cache's subfolder for compressed entries.</summary>
    public const string CacheFolder = "zip";

    public string Name => "download";

    public void Run(OutputContext context)
    {
        // Only a site staged on disk can be zipped; writers that keep pages elsewhere (tests) get no download.
        if (context.Writer is not StagedOutput staged)
            return;
        var cache = new DeflateChunkCache(Path.Combine(context.CacheDirectory, CacheFolder));
        var files = ArchiveZip.FilesOf(staged.StagingDirectory);
        var pages = Enumerable.Range(0, files.Count).Where(i => IsPage(files[i])).ToList();
        var entries = new ZipEntry[files.Count];
        var done = 0;
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            if (IsPage(file))
                return;
            entries[i] = new ZipEntry(file.EntryName, CompressedFile.ShouldDeflate(file.EntryName)
                ? CompressedFile.Deflate(File.ReadAllBytes(file.FullPath), [], cache)
                : CompressedFile.Stored(file.FullPath));
            context.ReportProgress(Interlocked.Increment(ref done), files.Count);
        });

        var (shown, shownFrom) = FirstGuess(staged);
        for (var round = 1; ; round++)
        {
            var size = FillInAndCompress(files, pages, entries, shown, cache, pagesDone => context.ReportProgress(done + pagesDone, files.Count));
            if (ArchiveZip.FormatSize(size) == shown)
            {
                Write(context, entries, size, padding: 0);
                break;
            }
            if (PaddingToShow(shown, size, shownFrom) is { } padding)
            {
                Write(context, entries, size, padding);
                break;
            }
            if (round == MaxRounds)
            {
                context.Report(new Diagnostic(Severity.Error, ArchiveZip.FileName, 1,
                    $"the download's size did not settle after {MaxRounds} rounds (last {ArchiveZip.FormatSize(size)}, shown {shown})"));
                return;
            }
            (shown, shownFrom) = (ArchiveZip.FormatSize(size), size);
        }
        cache.RemoveUnused();
    }

    static bool IsPage(ArchiveZip.SiteFile file) => file.EntryName.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>The size the last build's download had, which a rebuild most likely has again.</summary>
    static (string Shown, long From) FirstGuess(StagedOutput staged)
    {
        var previous = new FileInfo(Path.Combine(staged.OutputDirectory, ArchiveZip.FileName));
        var size = previous.Exists ? previous.Length : 0;
        return (ArchiveZip.FormatSize(size), size);
    }

    /// <summary>Writes <paramref name="shown"/> into every page on disk, deflates the pages (from the cache after the first round) and returns the zip's size.</summary>
    static long FillInAndCompress(List<ArchiveZip.SiteFile> files, List<int> pages, ZipEntry[] entries, string shown,
        DeflateChunkCache cache, Action<int> progress)
    {
        var done = 0;
        Parallel.ForEach(pages, i =>
        {
            var original = File.ReadAllBytes(files[i].FullPath);
            var page = DownloadSize.Show(original, shown);
            if (!ReferenceEquals(page, original))
                File.WriteAllBytes(files[i].FullPath, page);
            entries[i] = new ZipEntry(files[i].EntryName, CompressedFile.Deflate(page, DownloadSize.Spans(page), cache));
            progress(Interlocked.Increment(ref done));
        });
        return ZipWriter.SizeOf(entries);
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

    static void Write(OutputContext context, ZipEntry[] entries, long size, int padding)
    {
        long written = 0;
        context.Writer.Write(ArchiveZip.FileName, stream => written = ZipWriter.Write(stream, entries, new string(' ', padding)));
        if (written != size + padding)
            throw new InvalidOperationException($"the download has {written} bytes, not the {size + padding} computed for its pages");
    }
}
