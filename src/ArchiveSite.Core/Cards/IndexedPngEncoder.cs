using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ArchiveSite.Cards;

/// <summary>
/// Writes an 8-bit paletted PNG: IHDR, PLTE, one IDAT, IEND and nothing else (no time or text chunks), so the
/// same pixels always give the same bytes. Rows use filter type None, which suits palette indices, and
/// zlib's fastest level: a card is long runs of one index, which compress well even so.
/// </summary>
internal static class IndexedPngEncoder
{
    static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Rows handed to zlib at a time: few calls, and a buffer that stays in the CPU's cache.</summary>
    const int RowsPerWrite = 32;

    // Each thread keeps its compression buffer from card to card: a fresh one is as large as a card's PNG,
    // and thousands of them keep the garbage collector busy.
    [ThreadStatic]
    static MemoryStream? compressionBuffer;

    /// <param name="indices">One palette index a pixel, row after row.</param>
    public static byte[] Encode(ReadOnlySpan<byte> indices, int width, int height, CardPalette palette)
    {
        if (indices.Length != width * height)
            throw new ArgumentException($"{indices.Length} pixels for a {width}x{height} image.", nameof(indices));
        var compressed = Compress(indices, width, height);
        var paletteBytes = palette.ToRgbTriples();
        var png = new byte[Signature.Length + 4 * 12 + 13 + paletteBytes.Length + (int)compressed.Length];
        Signature.CopyTo(png, 0);
        var at = Signature.Length;
        at = WriteChunk(png, at, "IHDR", Header(width, height));
        at = WriteChunk(png, at, "PLTE", paletteBytes);
        at = WriteChunk(png, at, "IDAT", compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(png, at, "IEND", []);
        return png;
    }

    static MemoryStream Compress(ReadOnlySpan<byte> indices, int width, int height)
    {
        var stride = width + 1;
        var compressed = compressionBuffer ??= new MemoryStream();
        compressed.SetLength(0);
        var scanlines = ArrayPool<byte>.Shared.Rent(stride * RowsPerWrite);
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true);
            for (var first = 0; first < height; first += RowsPerWrite)
            {
                var rows = Math.Min(RowsPerWrite, height - first);
                for (var row = 0; row < rows; row++)
                {
                    scanlines[row * stride] = 0; // filter type None
                    indices.Slice((first + row) * width, width).CopyTo(scanlines.AsSpan(row * stride + 1));
                }
                zlib.Write(scanlines, 0, rows * stride);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scanlines);
        }
        return compressed;
    }

    static byte[] Header(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: indexed
        return header; // compression, filter and interlace methods are all 0
    }

    /// <returns>Where the next chunk starts.</returns>
    static int WriteChunk(byte[] png, int at, string type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(at), data.Length);
        Encoding.ASCII.GetBytes(type, png.AsSpan(at + 4, 4));
        data.CopyTo(png.AsSpan(at + 8));
        var crc = Crc32.Update(0, png.AsSpan(at + 4, 4 + data.Length));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(at + 8 + data.Length), crc);
        return at + 12 + data.Length;
    }
}
