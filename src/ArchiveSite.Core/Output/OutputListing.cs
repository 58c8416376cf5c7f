using System.IO.Enumeration;

namespace ArchiveSite.Output;

/// <summary>
/// An output folder listed on every core, as the no-change check and the rebuild's keep test both need it: the
/// entries directly in it, and each folder under it with everything below as a task of its own (a site of 1,000
/// transcripts has 45,000 files, most in three folders). Each entry reaches the transform with its folder relative to
/// the root ("" at the root), so no path string is made per entry. A folder that cannot be listed throws.
/// </summary>
public static class OutputListing
{
    public delegate T Transform<out T>(ReadOnlySpan<char> folder, ref FileSystemEntry entry);

    /// <summary>What <paramref name="transform"/> made of every file under the root and, with <paramref name="folders"/>, every folder (the root itself not).</summary>
    public static IEnumerable<T> Of<T>(string outputDirectory, Transform<T> transform, bool folders)
    {
        var below = Directory.GetDirectories(outputDirectory);
        var lists = new List<T>[below.Length + 1];
        Parallel.For(0, lists.Length, i => lists[i] = i == 0
            ? List(outputDirectory, outputDirectory, recurse: false, folders, transform)
            : List(outputDirectory, below[i - 1], recurse: true, folders, transform));
        return lists.SelectMany(list => list);
    }

    static List<T> List<T>(string outputDirectory, string folder, bool recurse, bool folders, Transform<T> transform)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = recurse, AttributesToSkip = 0, IgnoreInaccessible = false };
        var entries = new FileSystemEnumerable<T>(folder, (ref FileSystemEntry entry) =>
            transform(entry.Directory.Length > outputDirectory.Length ? entry.Directory[(outputDirectory.Length + 1)..] : [], ref entry), options);
        if (!folders)
            entries.ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory;
        return [.. entries];
    }
}
