using System.IO.Compression;
using System.IO.Hashing;
using ArchiveSite.Compression;

namespace ArchiveSite.Download;

/// <summary>
/// One file compressed for a zip: what the zip headers need (method, CRC-32, both lengths) and a way to write
/// the compressed bytes, which live in memory, in the last build's zip or in the staged site; it returns how
/// many it wrote.
/// </summary>
public sealed record CompressedFile(bool Deflated, uint Crc32, long Length, long CompressedLength, Func<Stream, long> WriteCompressed)
{
    /// <summary>
    /// zlib (zlib-ng in .NET) level for search shards, which zlib deflates with run-length matching only (see
    /// <see cref="StrategyFor"/>); other text goes through <see cref="TextDeflater"/>. Level 2 was chosen with
    /// <c>bench zip</c> for all text when zlib deflated all of it (33,390 text files, 167.0 MB: level 1 93.0 MB in
    /// 0.83 s, level 2 69.8 MB in 1.72 s, level 6 67.8 MB in 2.27 s).
    /// </summary>
    public const int DeflateLevel = 2;

    /// <summary>Formats whose bytes are already compressed: deflating them again costs time and saves nothing.</summary>
    static readonly HashSet<string> StoredExtensions =
        new([".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz"], StringComparer.OrdinalIgnoreCase);

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StoredExtensionSpans = StoredExtensions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a file of this name is deflated (text and the like) or stored as it is.</summary>
    public static bool ShouldDeflate(ReadOnlySpan<char> path) => !StoredExtensionSpans.Contains(Path.GetExtension(path));

    /// <summary>
    /// How a file of this name is deflated: search shards (<see cref="Search.ShardWriter.IsShardPath"/>) with run-length
    /// matching only. They are postings as digit strings, in which LZ77 finds little to match: on the 1,000-transcript
    /// benchmark (528 shards, 9.1 MB, every one rewritten by a one-transcript change) the zip is 7.6 KB smaller that
    /// way and writing the shards takes ~40 ms less CPU (zlib-ng level 2, default strategy: 109-117 ms; run-length:
    /// 67-78 ms); Huffman codes alone were as fast but 32 KB bigger. Everything else is text that repeats itself, which
    /// LZ77 is for.
    /// </summary>
    public static ZLibCompressionStrategy StrategyFor(ReadOnlySpan<char> path) =>
        Search.ShardWriter.IsShardPath(path) ? ZLibCompressionStrategy.RunLengthEncoding : ZLibCompressionStrategy.Default;

    /// <summary>
    /// The file at <paramref name="path"/> in the zip: deflated (with <see cref="StrategyFor"/> its path) or stored as
    /// <see cref="ShouldDeflate"/> says, as every way of writing the zip must, so a rebuild's entries equal a clean build's.
    /// </summary>
    public static CompressedFile CompressAs(ReadOnlySpan<char> path, ReadOnlySpan<byte> content) =>
        Compress(content, ShouldDeflate(path), strategy: StrategyFor(path));

    /// <summary>The text file at <paramref name="path"/> deflated as the zip holds it (see <see cref="CompressAs"/>).</summary>
    public static byte[] DeflateAs(ReadOnlySpan<char> path, ReadOnlySpan<byte> content) => Deflate(content, strategy: StrategyFor(path));

    /// <summary>Compresses <paramref name="content"/> in memory, deflated (see <see cref="Deflate"/>) or stored.</summary>
    public static CompressedFile Compress(ReadOnlySpan<byte> content, bool deflate, ZLibCompressionStrategy strategy = ZLibCompressionStrategy.Default)
    {
        var crc = System.IO.Hashing.Crc32.HashToUInt32(content);
        var compressed = deflate ? Deflate(content, strategy) : content.ToArray();
        return new CompressedFile(deflate, crc, content.Length, compressed.Length, output =>
        {
            output.Write(compressed);
            return compressed.Length;
        });
    }

    /// <summary>
    /// <paramref name="content"/> as one raw deflate stream, as a zip entry holds it: by <see cref="TextDeflater"/>, or
    /// with another strategy than the default by zlib at <see cref="DeflateLevel"/>.
    /// </summary>
    public static byte[] Deflate(ReadOnlySpan<byte> content, ZLibCompressionStrategy strategy = ZLibCompressionStrategy.Default) =>
        strategy == ZLibCompressionStrategy.Default ? TextDeflater.Deflate(content).ToArray() : ZLibDeflate(content, DeflateLevel, strategy);

    /// <summary><paramref name="content"/> as one raw deflate stream by zlib at <paramref name="level"/>.</summary>
    public static byte[] ZLibDeflate(ReadOnlySpan<byte> content, int level, ZLibCompressionStrategy strategy = ZLibCompressionStrategy.Default)
    {
        // Kept by each thread from file to file: a site's worth of growing buffers cost more than the copy out.
        var buffer = deflateBuffer ??= new MemoryStream();
        buffer.SetLength(0);
        using (var deflater = new DeflateStream(buffer, new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy }, leaveOpen: true))
            deflater.Write(content);
        // DeflateStream writes nothing at all for no input, which is not a deflate stream: unzip rejects it.
        return buffer.Length > 0 ? buffer.ToArray() : [.. EmptyDeflateStream];
    }

    [ThreadStatic]
    static MemoryStream? deflateBuffer;

    /// <summary>One final block with fixed Huffman codes and nothing in it.</summary>
    static ReadOnlySpan<byte> EmptyDeflateStream => [0x03, 0x00];
}
