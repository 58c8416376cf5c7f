using System.IO.Compression;

namespace ArchiveSite.Download;

/// <summary>
/// Zips a built site into the offline download. Two builds of the same site must give the same bytes, so
/// nothing from the machine or the clock gets in: entries are sorted by path (ordinal), every timestamp is
/// the zip epoch, permissions are fixed, and each file type always gets the same compression level.
/// </summary>
public static class ArchiveZip
{
    public const string FileName = "archive.zip";

    /// <summary>The earliest time a zip entry can hold; a fixed, obviously-not-real timestamp.</summary>
    static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Regular file, rw-r--r--, in the Unix half of the external attributes.</summary>
    const int FileAttributes = (0x8000 | 0b110_100_100) << 16;

    /// <summary>Formats whose bytes are already compressed: deflating them again costs time and saves nothing.</summary>
    static readonly HashSet<string> StoredExtensions =
        new([".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Writes every file under <paramref name="siteDirectory"/> into a zip at <paramref name="zipPath"/>,
    /// inside one top folder <paramref name="folderName"/> so unzipping never scatters files. A zip file
    /// of this name already inside the site is left out. Returns the size of the zip in bytes.
    /// </summary>
    public static long Write(string siteDirectory, string zipPath, string folderName = "archive")
    {
        var root = Path.GetFullPath(siteDirectory);
        var target = Path.GetFullPath(zipPath);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFullPath(f), target, StringComparison.Ordinal))
            .Select(f => (Entry: Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), Full: f))
            .Select(f => (f.Entry, Open: (Func<Stream>)(() => File.OpenRead(f.Full))))
            .ToList();
        return Write(files, target, folderName);
    }

    /// <summary>
    /// Writes the given site files (path relative to the site root, and how to read it) into a zip at
    /// <paramref name="zipPath"/>, as <see cref="Write(string, string, string)"/> does for a folder.
    /// </summary>
    public static long Write(IEnumerable<(string Entry, Func<Stream> Open)> siteFiles, string zipPath, string folderName = "archive")
    {
        var files = siteFiles.Where(f => f.Entry != FileName).OrderBy(f => f.Entry, StringComparer.Ordinal).ToList();
        using (var stream = new FileStream(zipPath, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (relative, open) in files)
            {
                var level = StoredExtensions.Contains(Path.GetExtension(relative))
                    ? CompressionLevel.NoCompression
                    : CompressionLevel.Optimal;
                var entry = zip.CreateEntry($"{folderName}/{relative}", level);
                entry.LastWriteTime = FixedTime;
                entry.ExternalAttributes = FileAttributes;
                using var source = open();
                using var destination = entry.Open();
                source.CopyTo(destination);
            }
        }
        return new FileInfo(zipPath).Length;
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
