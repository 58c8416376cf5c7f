namespace ArchiveSite.Output;

/// <summary>
/// The files of an output folder that are on disk as a manifest recorded them (same size and modification time), found
/// by listing the folder once on every core rather than asking about each file: a rebuild of 1,000 transcripts asked
/// about 45,000, each with a path string, a <see cref="FileInfo"/> and a call of its own. Entries are looked up in the
/// manifest by their path as listed, so no string is made per file.
/// </summary>
public static class VerifiedFiles
{
    /// <summary>The manifest's paths of the files found as it recorded them (listed by <see cref="OutputListing"/>); none when the folder cannot be listed.</summary>
    public static HashSet<string> Of(string outputDirectory, OutputManifest manifest)
    {
        try
        {
            var files = manifest.Files;
            var verified = new HashSet<string>(files.Count, StringComparer.Ordinal);
            foreach (var path in OutputListing.Of(outputDirectory, (ReadOnlySpan<char> folder, in OutputListing.Entry entry) =>
                         Find(files, folder, entry.Name) is { } kept && kept.Value.Length == entry.Length && kept.Value.Modified == entry.Modified
                             ? kept.Key
                             : null, folders: false))
                if (path is not null)
                    verified.Add(path);
            return verified;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The manifest's entry for the file <paramref name="name"/> in <paramref name="folder"/>, its path made on the stack.</summary>
    static KeyValuePair<string, ManifestEntry>? Find(Dictionary<string, ManifestEntry> files, ReadOnlySpan<char> folder, ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[256];
        var length = folder.Length + (folder.IsEmpty ? 0 : 1) + name.Length;
        var path = length <= buffer.Length ? buffer[..length] : new char[length];
        folder.CopyTo(path);
        if (!folder.IsEmpty)
            path[folder.Length] = '/';
        name.CopyTo(path[(length - name.Length)..]);
        return Find(files, path);
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
