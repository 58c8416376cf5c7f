using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ArchiveSite.Cards;

/// <summary>
/// Writes an 8-bit paletted PNG: IHDR, PLTE, one IDAT, IEND and nothing else (no time or text chunks), so the
/// same pixels always give the same bytes. Rows use filter type None, which suits palette indices (Sub and Up
/// made cards larger, `bench card-png`), compressed by <see cref="RowDeflater"/>. A <see cref="PalettedCanvas"/>
/// keeps its pixels as PNG rows already, so they are compressed without a copy.
/// </summary>
internal static class IndexedPngEncoder
{
    static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="indices">One palette index a pixel, row after row.</param>
    public static byte[] Encode(ReadOnlySpan<byte> indices, int width, int height, CardPalette palette)
    {
        if (indices.Length != width * height)
            throw new ArgumentException($"{indices.Length} pixels for a {width}x{height} image.", nameof(indices));
        var stride = width + 1;
        var scanlines = ArrayPool<byte>.Shared.Rent(stride * height);
        try
        {
            for (var y = 0; y < height; y++)
            {
                scanlines[y * stride] = 0; // filter type None
                indices.Slice(y * width, width).CopyTo(scanlines.AsSpan(y * stride + 1));
            }
            return EncodeScanlines(scanlines.AsSpan(0, stride * height), width, height, palette);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scanlines);
        }
    }

    /// <param name="scanlines">Rows of palette indices, each led by its filter type byte, as PNG stores them.</param>
    public static byte[] EncodeScanlines(ReadOnlySpan<byte> scanlines, int width, int height, CardPalette palette) =>
        EncodeScanlinesInPlace(scanlines, width, height, palette).ToArray();

    /// <summary>
    /// <see cref="EncodeScanlines"/> into this thread's buffer, kept from card to card: a build's cards would
    /// otherwise each allocate their PNG (270 MB for 1,000 transcripts) only for it to be written out and dropped.
    /// </summary>
    /// <returns>The PNG, valid until this thread's next call.</returns>
    public static ReadOnlySpan<byte> EncodeScanlinesInPlace(ReadOnlySpan<byte> scanlines, int width, int height, CardPalette palette)
    {
        if (scanlines.Length != (width + 1) * height)
            throw new ArgumentException($"{scanlines.Length} bytes of rows for a {width}x{height} image.", nameof(scanlines));
        var compressed = RowDeflater.Compress(scanlines, width + 1);
        var paletteBytes = palette.ToRgbTriples();
        var length = Signature.Length + 4 * 12 + 13 + paletteBytes.Length + compressed.Length;
        if (pngBuffer is null || pngBuffer.Length < length)
            pngBuffer = new byte[Math.Max(length, 2 * (pngBuffer?.Length ?? 0))];
        var png = pngBuffer;
        Signature.CopyTo(png, 0);
        var at = Signature.Length;
        Span<byte> header = stackalloc byte[13];
        WriteHeader(header, width, height);
        at = WriteChunk(png, at, "IHDR", header);
        at = WriteChunk(png, at, "PLTE", paletteBytes);
        at = WriteChunk(png, at, "IDAT", compressed);
        WriteChunk(png, at, "IEND", []);
        return png.AsSpan(0, length);
    }

    [ThreadStatic]
    static byte[]? pngBuffer;

    static void WriteHeader(Span<byte> header, int width, int height)
    {
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: indexed
        header[10..].Clear(); // compression, filter and interlace methods are all 0
    }

    /// <returns>Where the next chunk starts.</returns>
    static int WriteChunk(byte[] png, int at, string type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(at), data.Length);
        Encoding.ASCII.GetBytes(type, png.AsSpan(at + 4, 4));
        data.CopyTo(png.AsSpan(at + 8));
        var crc = System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(at + 4, 4 + data.Length));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(at + 8 + data.Length), crc);
        return at + 12 + data.Length;
    }
}
