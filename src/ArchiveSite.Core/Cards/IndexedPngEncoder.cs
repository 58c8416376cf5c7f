using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
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

    /// <param name="rgba">Opaque pixels, 4 bytes each (R, G, B, A), row after row.</param>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, CardPalette palette)
    {
        var stride = width + 1;
        var scanlines = ArrayPool<byte>.Shared.Rent(stride * height);
        try
        {
            Quantize(rgba, width, height, palette, scanlines);
            var compressed = Compress(scanlines.AsSpan(0, stride * height));
            var paletteBytes = palette.ToRgbTriples();
            using var png = new MemoryStream(Signature.Length + 4 * 12 + 13 + paletteBytes.Length + compressed.Length);
            png.Write(Signature);
            WriteChunk(png, "IHDR", Header(width, height));
            WriteChunk(png, "PLTE", paletteBytes);
            WriteChunk(png, "IDAT", compressed);
            WriteChunk(png, "IEND", []);
            return png.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scanlines);
        }
    }

    static void Quantize(ReadOnlySpan<byte> rgba, int width, int height, CardPalette palette, byte[] scanlines)
    {
        // Each pixel read as one little-endian uint (R | G << 8 | B << 16 | A << 24) to compare it in one go.
        var pixels = MemoryMarshal.Cast<byte, uint>(rgba);
        var cache = new ColorIndexCache(palette);
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * width, width);
            var output = scanlines.AsSpan(y * (width + 1), width + 1);
            output[0] = 0; // filter type None
            // Most of a card is runs of one colour (background, solid strokes): find each run's end with a
            // vectorised search and fill it, quantising once per run.
            for (var x = 0; x < row.Length;)
            {
                var pixel = row[x];
                var run = row[x..].IndexOfAnyExcept(pixel);
                if (run < 0)
                    run = row.Length - x;
                output.Slice(1 + x, run).Fill(cache.IndexOf(pixel));
                x += run;
            }
        }
    }

    /// <summary>Remembers recent colour lookups: text edges repeat the same few hundred blends.</summary>
    sealed class ColorIndexCache(CardPalette palette)
    {
        const int Bits = 12;
        // A key of 0 is a transparent black pixel, which an opaque card never has: it marks empty slots.
        readonly uint[] keys = new uint[1 << Bits];
        readonly byte[] values = new byte[1 << Bits];

        public byte IndexOf(uint pixel)
        {
            var slot = (int)((pixel * 2654435761u) >> (32 - Bits));
            if (keys[slot] == pixel)
                return values[slot];
            var index = palette.IndexOf((byte)pixel, (byte)(pixel >> 8), (byte)(pixel >> 16));
            (keys[slot], values[slot]) = (pixel, index);
            return index;
        }
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

    static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var compressed = new MemoryStream(data.Length / 8);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(data);
        return compressed.ToArray();
    }

    static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32.Update(Crc32.Update(0, typeBytes), data));
        png.Write(buffer);
    }
}
