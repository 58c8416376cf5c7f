using System.IO.Enumeration;

namespace ArchiveSite.Output;

/// <summary>
/// An output folder listed on every core, as the no-change check and the rebuild's keep test both need it: the
/// entries directly in it, and each folder under it with everything below as a task of its own (a site of 1,000
/// transcripts has 45,000 files, most in three folders). Each entry reaches the transform with its folder relative to
/// the root ("" at the root), so no path string is made per entry. On Linux each entry is asked about relative to
/// its folder (<see cref="LinuxListing"/>), elsewhere, or for a folder with a symbolic link, through .NET's listing.
/// A folder that cannot be listed throws.
/// </summary>
public static class OutputListing
{
    /// <summary>A file or folder as listed: its name, a file's size (0 for a folder) and either's modification time in UTC ticks.</summary>
    public readonly ref struct Entry(ReadOnlySpan<char> name, bool isDirectory, long length, long modified)
    {
        public ReadOnlySpan<char> Name { get; } = name;
        public bool IsDirectory { get; } = isDirectory;
        public long Length { get; } = length;
        public long Modified { get; } = modified;
    }

    public delegate T Transform<out T>(ReadOnlySpan<char> folder, in Entry entry);

    /// <summary>What <paramref name="transform"/> made of every file under the root and, with <paramref name="folders"/>, every folder (the root itself not).</summary>
    public static IEnumerable<T> Of<T>(string outputDirectory, Transform<T> transform, bool folders)
    {
        if (LinuxListing.Available)
        {
            try
            {
                return Listed(outputDirectory, transform, folders, linux: true);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is LinuxListing.Unsupported))
            {
            }
        }
        return Listed(outputDirectory, transform, folders, linux: false);
    }

    /// <summary>The listing through <see cref="LinuxListing"/> or through .NET's, for tests to compare.</summary>
    internal static IEnumerable<T> Listed<T>(string outputDirectory, Transform<T> transform, bool folders, bool linux)
    {
        var below = Directory.GetDirectories(outputDirectory);
        var lists = new List<T>[below.Length + 1];
        Parallel.For(0, lists.Length, i =>
        {
            var folder = i == 0 ? outputDirectory : below[i - 1];
            lists[i] = linux
                ? LinuxListing.List(folder, i == 0 ? "" : folder[(outputDirectory.Length + 1)..], recurse: i > 0, folders, transform, [])
                : List(outputDirectory, folder, recurse: i > 0, folders, transform);
        });
        return lists.SelectMany(list => list);
    }

    static List<T> List<T>(string outputDirectory, string folder, bool recurse, bool folders, Transform<T> transform)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = recurse, AttributesToSkip = 0, IgnoreInaccessible = false };
        var entries = new FileSystemEnumerable<T>(folder, (ref FileSystemEntry entry) =>
            transform(entry.Directory.Length > outputDirectory.Length ? entry.Directory[(outputDirectory.Length + 1)..] : [],
                new Entry(entry.FileName, entry.IsDirectory, entry.IsDirectory ? 0 : entry.Length, entry.LastWriteTimeUtc.UtcTicks)), options);
        if (!folders)
            entries.ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory;
        return [.. entries];
    }
}
