using System.IO.Compression;

namespace ArchiveSite.Download;

/// <summary>
/// A deflate stream made of independently compressed pieces. Each chunk is compressed on its own and ended
/// with a sync flush, which leaves it on a byte boundary without ending the stream; pieces that change often
/// (the download size in a page) go in between as stored blocks; one empty final block ends it all. So a
/// page whose shown size changes is not compressed again: only its stored blocks differ.
/// </summary>
public static class DeflateChunks
{
    /// <summary>A final block with nothing in it (fixed Huffman codes, just end-of-block): ends the stream.</summary>
    public static ReadOnlySpan<byte> FinalBlock => [0x03, 0x00];

    /// <summary>The most a stored block holds.</summary>
    public const int MaxStoredLength = ushort.MaxValue;

    /// <summary>The length of a stored block holding <paramref name="length"/> bytes: header, LEN, NLEN, bytes.</summary>
    public static int StoredLength(int length) => 5 + length;

    /// <summary><paramref name="content"/> as deflate blocks that do not end the stream, ending on a byte boundary.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> content, int level)
    {
        var buffer = new MemoryStream(content.Length / 3 + 64);
        var deflater = new DeflateStream(buffer, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
        deflater.Write(content);
        deflater.Flush(); // a sync flush: byte-aligned, not final
        var chunk = buffer.ToArray();
        deflater.Dispose(); // writes the final block after what we took
        return chunk;
    }

    /// <summary>Writes <paramref name="content"/> as one stored, not final block; returns the bytes written.</summary>
    public static int WriteStored(Stream output, ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxStoredLength)
            throw new ArgumentException("a stored block holds at most 65535 bytes", nameof(content));
        var length = (ushort)content.Length;
        Span<byte> header = [0x00, (byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)];
        output.Write(header);
        output.Write(content);
        return StoredLength(content.Length);
    }
}
