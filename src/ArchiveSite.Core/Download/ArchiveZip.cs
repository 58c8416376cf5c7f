using ArchiveSite.Search;

namespace ArchiveSite.Download;

/// <summary>
/// Zips a built site into the offline download. Two builds of the same site must give the same bytes, so
/// nothing from the machine or the clock gets in: entries are in <see cref="Order"/>, and
/// <see cref="ZipWriter"/> fixes timestamps and permissions; each file type always gets the same compression.
/// </summary>
public static class ArchiveZip
{
    public const string FileName = "archive.zip";

    /// <summary>The style sheet that shows the download's size in every page's footer (see <see cref="DownloadSize"/>).</summary>
    public const string SizeFileName = "archive-size.css";

    /// <summary>The files the download step writes; every other file of the site goes into the zip.</summary>
    public static IReadOnlySet<string> OwnFiles { get; } = new HashSet<string>([FileName, SizeFileName], StringComparer.Ordinal);

    /// <summary>
    /// Site paths in zip order, the rarely changed first (see <see cref="Tier"/>), each tier by path (ordinal). A rebuild
    /// keeps the last zip up to its first changed entry and writes the rest, so what changes on every build comes last.
    /// </summary>
    public static IEnumerable<string> Order(IEnumerable<string> paths) => Order(paths, p => p);

    static IEnumerable<T> Order<T>(IEnumerable<T> items, Func<T, string> pathOf) =>
        items.OrderBy(i => Tier(pathOf(i))).ThenBy(pathOf, StringComparer.Ordinal);

    /// <summary>
    /// 0: stored files (quote cards, fonts: big, and rarely changed); 1: text of one page or one transcript's
    /// search data; 2: text made from the whole archive, which one changed transcript changes: the files at the
    /// site's root, index pages, and the search index's shards, manifest and facets (every search file but a
    /// transcript's display file, d*, and a term's top results, t*).
    /// </summary>
    internal static int Tier(ReadOnlySpan<char> path)
    {
        if (!CompressedFile.ShouldDeflate(path))
            return 0;
        var folderEnd = path.LastIndexOf('/');
        var name = path[(folderEnd + 1)..];
        if (folderEnd < 0 || name.SequenceEqual("index.html"))
            return 2;
        return path.StartsWith(SearchFolder, StringComparison.Ordinal) && folderEnd == SearchFolder.Length - 1 && name[0] is not ('d' or 't') ? 2 : 1;
    }

    /// <summary>How <see cref="Order"/> orders two paths: by <see cref="Tier"/>, then ordinal.</summary>
    internal static int Compare(ReadOnlySpan<char> path, ReadOnlySpan<char> other) =>
        Tier(path).CompareTo(Tier(other)) is var byTier and not 0 ? byTier : path.SequenceCompareTo(other);

    const string SearchFolder = ShardWriter.Folder + "/";

    /// <summary>The folder every entry sits in, so unzipping never scatters files.</summary>
    public const string FolderName = "archive";

    /// <summary>A file of the site and its name in the zip.</summary>
    public sealed record SiteFile(string FullPath, string EntryName);

    /// <summary>
    /// The files under <paramref name="siteDirectory"/> in zip order, inside <paramref name="folderName"/>;
    /// a zip of this name already inside the site, and <paramref name="excluded"/>, are left out.
    /// </summary>
    public static List<SiteFile> FilesOf(string siteDirectory, string folderName = FolderName, string? excluded = null)
    {
        var root = Path.GetFullPath(siteDirectory);
        var leftOut = excluded is null ? null : Path.GetFullPath(excluded);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFullPath(f), leftOut, StringComparison.Ordinal))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => f.Relative != FileName);
        return Order(files, f => f.Relative).Select(f => new SiteFile(f.Full, $"{folderName}/{f.Relative}")).ToList();
    }

    /// <summary>
    /// Writes every file under <paramref name="siteDirectory"/> into a zip at <paramref name="zipPath"/>,
    /// compressing in parallel and in memory. Returns the size of the zip in bytes.
    /// </summary>
    public static long Write(string siteDirectory, string zipPath, string folderName = FolderName)
    {
        var files = FilesOf(siteDirectory, folderName, excluded: zipPath);
        var entries = new ZipEntry[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            entries[i] = new ZipEntry(file.EntryName, CompressedFile.CompressAs(file.EntryName, File.ReadAllBytes(file.FullPath)));
        });
        using var stream = new FileStream(zipPath, FileMode.Create, FileAccess.Write, FileShare.None);
        return ZipWriter.Write(stream, entries);
    }

    /// <summary>A human size for the download link: "840 KB", "12.4 MB".</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0} KB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.0} MB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.00} GB",
    };
}
