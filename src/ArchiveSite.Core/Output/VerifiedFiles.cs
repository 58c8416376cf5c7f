using System.IO.Enumeration;

namespace ArchiveSite.Output;

/// <summary>
/// The files of an output folder that are on disk as a manifest recorded them (same size and modification time), found
/// by listing the folder once on every core rather than asking about each file: a rebuild of 1,000 transcripts asked
/// about 45,000, each with a path string, a <see cref="FileInfo"/> and a call of its own. Entries are looked up in the
/// manifest by their path as listed, so no string is made per file.
/// </summary>
public static class VerifiedFiles
{
    /// <summary>The manifest's paths of the files found as it recorded them; none when the folder cannot be listed.</summary>
    public static HashSet<string> Of(string outputDirectory, OutputManifest manifest)
    {
        try
        {
            var folders = Directory.GetDirectories(outputDirectory);
            var found = new List<string>[folders.Length + 1];
            Parallel.For(0, found.Length, i =>
                found[i] = i == 0 ? List(outputDirectory, outputDirectory, manifest, recurse: false) : List(outputDirectory, folders[i - 1], manifest, recurse: true));
            var verified = new HashSet<string>(manifest.Files.Count, StringComparer.Ordinal);
            foreach (var paths in found)
                verified.UnionWith(paths);
            return verified;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    static List<string> List(string outputDirectory, string folder, OutputManifest manifest, bool recurse)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = recurse, AttributesToSkip = 0, IgnoreInaccessible = false };
        var files = manifest.Files;
        var entries = new FileSystemEnumerable<string?>(folder, (ref FileSystemEntry entry) =>
        {
            var directory = entry.Directory.Length > outputDirectory.Length ? entry.Directory[(outputDirectory.Length + 1)..] : [];
            Span<char> buffer = stackalloc char[256];
            var length = directory.Length + (directory.IsEmpty ? 0 : 1) + entry.FileName.Length;
            var path = length <= buffer.Length ? buffer[..length] : new char[length];
            directory.CopyTo(path);
            if (!directory.IsEmpty)
                path[directory.Length] = '/';
            entry.FileName.CopyTo(path[(length - entry.FileName.Length)..]);
            return Find(files, path) is { } kept && kept.Value.Length == entry.Length && kept.Value.Modified == entry.LastWriteTimeUtc.UtcTicks
                ? kept.Key
                : null;
        }, options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        };
        var found = new List<string>();
        foreach (var path in entries)
            if (path is not null)
                found.Add(path);
        return found;
    }

    /// <summary>The manifest's own key and entry for a path; a manifest made with another comparer is asked with a string.</summary>
    static KeyValuePair<string, ManifestEntry>? Find(Dictionary<string, ManifestEntry> files, ReadOnlySpan<char> path)
    {
        if (files.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup))
            return lookup.TryGetValue(path, out var key, out var entry) ? new(key, entry) : null;
        var text = path.ToString();
        return files.TryGetValue(text, out var found) ? new(text, found) : null;
    }
}
