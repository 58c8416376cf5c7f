using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Download;

/// <summary>
/// The last output step: zips the whole staged site into <c>archive.zip</c> for offline reading.
/// Every page's footer shows the download's size in <c>&lt;span class="archive-size"&gt;</c>, but the pages
/// are inside the zip, so the size is a fixed point. Text is deflated in chunks cached by content in the
/// build cache (a rebuild compresses only what changed), with each page's size text as a stored block
/// between chunks, so a new guess at the size costs no compression, only a CRC and arithmetic. Images and
/// fonts are stored as they are, read from the staged site when the zip is written. The pages are filled in
/// with a guess (the size with the placeholder in every page) and the zip's size is computed from the
/// entries without writing it; the shown size is coarse ("12.4 MB"), so the second guess almost always
/// holds, and when the size lands just under the guess the zip's comment pads it up to it.
/// </summary>
public sealed class WriteArchiveZip : IOutputStep
{
    const int MaxRounds = 4;

    /// <summary>What the base layout shows in the size span before the size is known.</summary>
    const string Placeholder = "zip";

    /// <summary>The build cache's subfolder for compressed entries.</summary>
    public const string CacheFolder = "zip";

    public string Name => "download";

    public void Run(OutputContext context)
    {
        // Only a site staged on disk can be zipped; writers that keep pages elsewhere (tests) get no download.
        if (context.Writer is not StagedOutput staged)
            return;
        var cache = new DeflateChunkCache(Path.Combine(context.CacheDirectory, CacheFolder));
        var files = staged.Files.Where(p => p != ArchiveZip.FileName)
            .Select(p => new ArchiveZip.SiteFile(staged.PathOf(p), $"{ArchiveZip.FolderName}/{p}")).ToList();
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

        var (shown, shownFrom) = FirstGuess(staged, files, pages, entries, cache);
        for (var round = 1; ; round++)
        {
            var size = FillInAndCompress(staged, files, pages, entries, shown, cache, pagesDone => context.ReportProgress(done + pagesDone, files.Count));
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

    /// <summary>
    /// The size of the zip with every page showing the layout's placeholder. It must come from this site alone
    /// (not, say, the last build's download): sizes near a rounding boundary can have two fixed points, and an
    /// incremental build must settle on the same one as a clean build. Unchanged pages come from the cache.
    /// </summary>
    static (string Shown, long From) FirstGuess(StagedOutput staged, List<ArchiveZip.SiteFile> files, List<int> pages, ZipEntry[] entries,
        DeflateChunkCache cache)
    {
        var size = FillInAndCompress(staged, files, pages, entries, Placeholder, cache, _ => { }, rewrite: false);
        return (ArchiveZip.FormatSize(size), size);
    }

    /// <summary>
    /// Writes <paramref name="shown"/> into every page of the staged site (unless <paramref name="rewrite"/> is
    /// false), deflates the pages (chunks come from the cache after the first round) and returns the zip's size.
    /// </summary>
    static long FillInAndCompress(StagedOutput staged, List<ArchiveZip.SiteFile> files, List<int> pages, ZipEntry[] entries, string shown,
        DeflateChunkCache cache, Action<int> progress, bool rewrite = true)
    {
        var done = 0;
        Parallel.ForEach(pages, i =>
        {
            var path = files[i].EntryName[(ArchiveZip.FolderName.Length + 1)..];
            var original = staged.ReadAllBytes(path);
            var page = DownloadSize.Show(original, shown);
            if (rewrite && !ReferenceEquals(page, original))
                staged.Rewrite(path, page);
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
