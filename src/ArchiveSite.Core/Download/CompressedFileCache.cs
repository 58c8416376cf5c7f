using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ArchiveSite.Download;

/// <summary>
/// Compressed files kept across builds in a folder of the build cache, each named by a hash of its content
/// and how it was compressed, so a rebuild compresses only the files that changed. A file is written under
/// a temporary name and renamed, so a build never reads half a file; one that does not read back as
/// expected is compressed again.
/// </summary>
public sealed class CompressedFileCache
{
    /// <summary>File format version: bump it when the layout below or the compression changes.</summary>
    const uint Magic = 0x31435A41; // "AZC1"

    /// <summary>Magic, deflated flag, CRC-32, uncompressed length; then the compressed bytes.</summary>
    const int HeaderLength = 4 + 1 + 4 + 8;

    /// <summary>Files no build has used for this long are removed by <see cref="RemoveUnused"/>.</summary>
    static readonly TimeSpan KeepUnused = TimeSpan.FromDays(1);

    readonly string _folder;
    readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public CompressedFileCache(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    /// <summary>The cached compression of <paramref name="content"/>, compressing and storing it on a miss. Thread-safe.</summary>
    public CompressedFile GetOrAdd(ReadOnlySpan<byte> content, bool deflate)
    {
        var path = PathOf(content, deflate);
        _used.TryAdd(path, 0);
        if (TryRead(path, deflate, content.Length) is { } cached)
        {
            // Marks it used, so RemoveUnused run by another build keeps it.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return cached;
        }
        var compressed = CompressedFile.Compress(content, deflate);
        Store(path, compressed);
        return compressed with { OpenCompressed = () => OpenData(path) };
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

    string PathOf(ReadOnlySpan<byte> content, bool deflate)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(content));
        var name = $"{key}-{(deflate ? "d" + CompressedFile.DeflateLevel : "s")}";
        return Path.GetFullPath(Path.Combine(_folder, key[..2], name));
    }

    static CompressedFile? TryRead(string path, bool deflate, long length)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[HeaderLength];
            if (file.Length < HeaderLength || file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) != HeaderLength)
                return null;
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic
                || header[4] != (deflate ? 1 : 0)
                || BinaryPrimitives.ReadInt64LittleEndian(header[9..]) != length)
                return null;
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header[5..]);
            return new CompressedFile(deflate, crc, length, file.Length - HeaderLength, () => OpenData(path));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    static void Store(string path, CompressedFile compressed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
            header[4] = compressed.Deflated ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteUInt32LittleEndian(header[5..], compressed.Crc32);
            BinaryPrimitives.WriteInt64LittleEndian(header[9..], compressed.Length);
            file.Write(header);
            using var data = compressed.OpenCompressed();
            data.CopyTo(file);
        }
        File.Move(temporary, path, overwrite: true);
    }

    static FileStream OpenData(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        file.Position = HeaderLength;
        return file;
    }
}
