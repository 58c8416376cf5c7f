using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// A hash of everything a build reads, to tell that nothing has changed since the last build without building:
/// the program (<see cref="ProgramVersion"/>), the folders it is given, every file and folder under the input
/// folder by path and bytes, every file of the theme but its npm packages by path and bytes, and of those packages
/// the files copied into the site by their bytes and the rest by npm's record of what it installed and each font
/// package's manifest (as the cards' cache key trusts them: <c>npm ci</c> installs exactly what the lock file pins).
/// </summary>
/// <param name="Fingerprint">The hash of it all.</param>
/// <param name="InputFiles">
/// The content hash (<see cref="ContentHash.Of(ReadOnlySpan{byte})"/>) of every file under the input folder, by its path
/// relative to it: the input phase need not read and hash again a transcript the cache has parsed.
/// </param>
public sealed record BuildInputs(string Fingerprint, IReadOnlyDictionary<string, string> InputFiles)
{
    /// <param name="cacheDirectory">
    /// Where the hashes of this check are kept for the next (<see cref="KnownFileHashes"/>), which need not read again a
    /// file still as it was then; null: every file is read.
    /// </param>
    public static BuildInputs Of(string inputDirectory, ThemeFolder theme, string? cacheDirectory = null)
    {
        var takenAt = DateTime.UtcNow.Ticks;
        var knownFile = cacheDirectory is null ? null : KnownFileHashes.FileFor(cacheDirectory);
        var known = knownFile is null ? KnownFileHashes.None : KnownFileHashes.Load(knownFile);
        var hashed = new List<KnownFileHashes.HashedFile>();
        var parts = new List<string>(4096) { ProgramVersion.Hash, inputDirectory, theme.Root };
        var inputFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        AddTree(parts, inputDirectory, skip: null, inputFiles, known, hashed);
        AddTree(parts, theme.Root, skip: "node_modules", hashes: null, known, hashed);
        AddFile(parts, Path.Combine(theme.NodeModules, ".package-lock.json"));
        foreach (var (package, _) in CopyNpmAssets.Files)
            AddFile(parts, Path.Combine(theme.NodeModules, package));
        var fontsource = Path.Combine(theme.NodeModules, "@fontsource");
        if (Directory.Exists(fontsource))
            foreach (var package in Directory.GetDirectories(fontsource).Order(StringComparer.Ordinal))
                AddFile(parts, Path.Combine(package, "package.json"));
        if (knownFile is not null)
            known.Save(knownFile, takenAt, hashed);
        return new BuildInputs(ContentHash.OfParts(parts), inputFiles);
    }

    /// <summary>
    /// Every folder and file under <paramref name="root"/> in ordinal order of their paths, a file with its content hash
    /// (<paramref name="known"/> when it has it, else read), which is also added to <paramref name="hashed"/>.
    /// </summary>
    static void AddTree(List<string> parts, string root, string? skip, Dictionary<string, string>? hashes, KnownFileHashes known,
        List<KnownFileHashes.HashedFile> hashed)
    {
        if (!Directory.Exists(root))
        {
            parts.Add("absent");
            return;
        }
        // As the input phase lists transcripts: hidden files and folders too, and a folder that cannot be listed is an error.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        // Two lists sorted together, not a list of tuples: List and sort code over a tuple is JIT-compiled in every fresh process.
        var relatives = new List<string>();
        var infos = new List<FileSystemInfo>();
        foreach (var top in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            if (top.Name == skip)
                continue;
            relatives.Add(top.Name);
            infos.Add(top);
            if (top is DirectoryInfo folder)
                foreach (var below in folder.EnumerateFileSystemInfos("*", options))
                {
                    relatives.Add(Path.GetRelativePath(root, below.FullName));
                    infos.Add(below);
                }
        }
        // Relative paths are unique: the order is the one a sort of (path, entry) pairs by path gives.
        var entries = infos.ToArray();
        var paths = relatives.ToArray();
        Array.Sort(paths, entries, StringComparer.Ordinal);
        // Hashed on every core: the input of 1,000 transcripts is 43 MB.
        var fileHashes = new string[entries.Length];
        try
        {
            Parallel.For(0, entries.Length, i => fileHashes[i] = entries[i] is FileInfo file ? HashOf(file, known) : "folder");
        }
        catch (AggregateException e)
        {
            // A file that cannot be read fails the hash as it did read in turn: with its own exception.
            ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
        }
        for (var i = 0; i < entries.Length; i++)
        {
            var (relative, info, isFolder) = (paths[i], entries[i], entries[i] is DirectoryInfo);
            var hash = fileHashes[i];
            parts.Add(relative);
            parts.Add(hash);
            if (!isFolder)
                hashed.Add(new(info.FullName, ((FileInfo)info).Length, info.LastWriteTimeUtc.Ticks, hash));
            if (!isFolder && hashes is not null)
                hashes[relative.Replace('\\', '/')] = hash;
        }
    }

    /// <summary>
    /// The file's hash as <paramref name="known"/> has it for its size and time as listed, else as read now (always for a
    /// symbolic link, whose own size and time do not change with its target's bytes).
    /// </summary>
    static string HashOf(FileInfo file, KnownFileHashes known) =>
        (file.Attributes & FileAttributes.ReparsePoint) == 0 && known.Of(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks) is { } hash
            ? hash
            : HashOfFile(file.FullName);

    static void AddFile(List<string> parts, string file) => parts.Add(File.Exists(file) ? HashOfFile(file) : "absent");

    /// <summary>Read into a pooled buffer: 1,000 transcripts are 43 MB, which a fresh process would otherwise touch as new memory.</summary>
    static string HashOfFile(string file)
    {
        using var handle = File.OpenHandle(file);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
            throw new IOException($"'{file}' is too big to read");
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            return ContentHash.Hex(SHA256.HashData(buffer.AsSpan(0, FileReading.ReadFully(handle, buffer.AsSpan(0, (int)length)))));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
