using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ArchiveSite.Download;

/// <summary>
/// Deflate chunks (<see cref="DeflateChunks"/>) kept across builds in a folder of the build cache, each named
/// by a hash of its content and the level, so a rebuild compresses only what changed. A file is written under
/// a temporary name and renamed, so a build never reads half a file; one that does not read back as expected
/// is compressed again.
/// </summary>
public sealed class DeflateChunkCache
{
    /// <summary>File format version: bump it when the layout below or the compression changes.</summary>
    const uint Magic = 0x32435A41; // "AZC2"

    /// <summary>Magic, uncompressed length; then the compressed chunk.</summary>
    const int HeaderLength = 4 + 8;

    /// <summary>Files no build has used for this long are removed by <see cref="RemoveUnused"/>.</summary>
    static readonly TimeSpan KeepUnused = TimeSpan.FromDays(1);

    readonly string _folder;
    readonly int _level;
    readonly ConcurrentDictionary<string, Chunk> _used = new(StringComparer.Ordinal);

    public DeflateChunkCache(string folder, int level = CompressedFile.DeflateLevel)
    {
        _folder = folder;
        _level = level;
        Directory.CreateDirectory(folder);
    }

    /// <summary>A compressed chunk in the cache: its file and the length of the compressed bytes in it.</summary>
    public sealed record Chunk(string Path, long CompressedLength)
    {
        /// <summary>Copies the compressed bytes to <paramref name="output"/>; returns how many there were.</summary>
        public long WriteTo(Stream output)
        {
            using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            file.Position = HeaderLength;
            var before = file.Position;
            file.CopyTo(output);
            return file.Position - before;
        }
    }

    /// <summary>The cached chunk of <paramref name="content"/>, compressing and storing it on a miss. Thread-safe.</summary>
    public Chunk GetOrAdd(ReadOnlySpan<byte> content)
    {
        var path = PathOf(content);
        if (_used.TryGetValue(path, out var known))
            return known;
        if (TryRead(path, content.Length) is { } cached)
        {
            // Marks it used, so RemoveUnused run by another build keeps it.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return _used[path] = cached;
        }
        var compressed = DeflateChunks.Compress(content, _level);
        Store(path, content.Length, compressed);
        return _used[path] = new Chunk(path, compressed.Length);
    }

    /// <summary>
    /// Deletes cached files that this instance did not use and that no build has used for a day (builds
    /// sharing the cache may be running now).
    /// </summary>
    public void RemoveUnused()
    {
        var cutoff = DateTime.UtcNow - KeepUnused;
        foreach (var file in new DirectoryInfo(_folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.LastWriteTimeUtc < cutoff && !_used.ContainsKey(file.FullName))
                file.Delete();
        }
    }

    string PathOf(ReadOnlySpan<byte> content)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(content));
        return Path.GetFullPath(Path.Combine(_folder, key[..2], $"{key}-{_level}"));
    }

    static Chunk? TryRead(string path, long length)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[HeaderLength];
            if (file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) != HeaderLength
                || BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic
                || BinaryPrimitives.ReadInt64LittleEndian(header[4..]) != length)
                return null;
            return new Chunk(path, file.Length - HeaderLength);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    static void Store(string path, long length, byte[] compressed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
            BinaryPrimitives.WriteInt64LittleEndian(header[4..], length);
            file.Write(header);
            file.Write(compressed);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
