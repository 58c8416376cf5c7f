using System.IO.Compression;
using System.IO.Hashing;

namespace ArchiveSite.Download;

/// <summary>
/// One file compressed for a zip: what the zip headers need (method, CRC-32, both lengths) and a way to write
/// the compressed bytes, which live in memory, in the build cache or in the staged site; it returns how many
/// it wrote.
/// </summary>
public sealed record CompressedFile(bool Deflated, uint Crc32, long Length, long CompressedLength, Func<Stream, long> WriteCompressed)
{
    /// <summary>
    /// zlib level for text: 6, zlib's default and .NET's Optimal. On the 1,000-transcript benchmark site
    /// (<c>bench zip</c>: 170 MB of text) it gives 67.9 MB against 93.7 MB for level 1 (Fastest) for 2.5 times
    /// the CPU time (7.2 s against 2.9 s on one thread, loaded machine); level 9 gains nothing. The cache
    /// means a file is compressed once, so the 26 MB smaller download wins.
    /// </summary>
    public const int DeflateLevel = 6;

    /// <summary>Formats whose bytes are already compressed: deflating them again costs time and saves nothing.</summary>
    static readonly HashSet<string> StoredExtensions =
        new([".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a file of this name is deflated (text and the like) or stored as it is.</summary>
    public static bool ShouldDeflate(string path) => !StoredExtensions.Contains(Path.GetExtension(path));

    /// <summary>A file stored as it is: its bytes are read from <paramref name="path"/> when the zip is written.</summary>
    public static CompressedFile Stored(string path)
    {
        var content = File.ReadAllBytes(path);
        return new CompressedFile(false, System.IO.Hashing.Crc32.HashToUInt32(content), content.Length, content.Length, output =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            file.CopyTo(output);
            return file.Length;
        });
    }

    /// <summary>
    /// <paramref name="content"/> deflated through <paramref name="cache"/> as chunks around the
    /// <paramref name="verbatim"/> ranges (in order, none longer than a stored block), which go in as
    /// stored blocks: changing only those bytes never means compressing again.
    /// </summary>
    public static CompressedFile Deflate(byte[] content, IReadOnlyList<Range> verbatim, DeflateChunkCache cache)
    {
        var chunks = new List<DeflateChunkCache.Chunk>(verbatim.Count + 1);
        var at = 0;
        long compressed = DeflateChunks.FinalBlock.Length;
        foreach (var range in verbatim)
        {
            var (start, length) = range.GetOffsetAndLength(content.Length);
            chunks.Add(cache.GetOrAdd(content.AsSpan(at, start - at)));
            compressed += chunks[^1].CompressedLength + DeflateChunks.StoredLength(length);
            at = start + length;
        }
        chunks.Add(cache.GetOrAdd(content.AsSpan(at)));
        compressed += chunks[^1].CompressedLength;
        // Only the verbatim bytes are kept until the zip is written, not the whole content.
        var stored = verbatim.Select(range => content[range]).ToArray();

        return new CompressedFile(true, System.IO.Hashing.Crc32.HashToUInt32(content), content.Length, compressed, output =>
        {
            long written = 0;
            for (var i = 0; i < stored.Length; i++)
            {
                written += chunks[i].WriteTo(output);
                written += DeflateChunks.WriteStored(output, stored[i]);
            }
            written += chunks[^1].WriteTo(output);
            output.Write(DeflateChunks.FinalBlock);
            return written + DeflateChunks.FinalBlock.Length;
        });
    }

    /// <summary>Compresses <paramref name="content"/> in memory, deflated at <see cref="DeflateLevel"/> or stored.</summary>
    public static CompressedFile Compress(ReadOnlySpan<byte> content, bool deflate, int level = DeflateLevel)
    {
        var crc = System.IO.Hashing.Crc32.HashToUInt32(content);
        byte[] compressed;
        if (deflate)
        {
            var buffer = new MemoryStream(content.Length / 3 + 64);
            using (var deflater = new DeflateStream(buffer, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
                deflater.Write(content);
            compressed = buffer.ToArray();
        }
        else
        {
            compressed = content.ToArray();
        }
        return new CompressedFile(deflate, crc, content.Length, compressed.Length, output =>
        {
            output.Write(compressed);
            return compressed.Length;
        });
    }
}
