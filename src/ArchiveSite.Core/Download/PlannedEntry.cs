using System.Text;

namespace ArchiveSite.Download;

/// <summary>
/// A file of the site on its way into the zip. A deflated file is a run of deflate chunks
/// (<see cref="DeflateChunks"/>) with the download's size between each two as a stored block (pages have one
/// chunk more than size spans; other files one chunk), so its compressed length for any size text is plain
/// arithmetic and a new size costs no compression. A stored file (images, fonts) is one piece.
/// </summary>
/// <param name="BaseLength">The file's length without the text of its size spans.</param>
/// <param name="Crc32">The CRC of the file as it is now, showing <paramref name="Shown"/> in every size span.</param>
/// <param name="Shown">The text every size span shows now; null when there is none or they differ.</param>
public sealed record PlannedEntry(string Name, bool Deflated, IReadOnlyList<Piece> Pieces, long BaseLength, uint Crc32, string? Shown)
{
    public int Spans => Deflated ? Pieces.Count - 1 : 0;

    /// <summary>True when the file needs no change to show <paramref name="text"/>.</summary>
    public bool Shows(string text) => Spans == 0 || Shown == text;

    /// <summary>The file's length when its size spans show <paramref name="text"/>.</summary>
    public long Length(string text) => BaseLength + (long)Spans * Encoding.UTF8.GetByteCount(text);

    /// <summary>The entry's compressed length when its size spans show <paramref name="text"/>.</summary>
    public long CompressedLength(string text) =>
        Pieces.Sum(p => p.Length) + (Deflated ? Spans * DeflateChunks.StoredLength(Encoding.UTF8.GetByteCount(text)) + DeflateChunks.FinalBlock.Length : 0);

    /// <summary>The entry for the zip, its size spans showing <paramref name="text"/>; <paramref name="crc32"/> is the CRC of the file showing it.</summary>
    public CompressedFile ToFile(string text, uint crc32)
    {
        var stored = Encoding.UTF8.GetBytes(text);
        return new CompressedFile(Deflated, crc32, Length(text), CompressedLength(text), output =>
        {
            long written = 0;
            for (var i = 0; i < Pieces.Count; i++)
            {
                Pieces[i].CopyTo(output);
                written += Pieces[i].Length;
                if (i < Spans)
                    written += DeflateChunks.WriteStored(output, stored);
            }
            if (!Deflated)
                return written;
            output.Write(DeflateChunks.FinalBlock);
            return written + DeflateChunks.FinalBlock.Length;
        });
    }

    /// <summary>
    /// Plans <paramref name="content"/>, the bytes of the site file at <paramref name="path"/>: text is deflated now
    /// (a page in chunks around its size spans), anything else is stored and read again when the zip is written.
    /// </summary>
    public static PlannedEntry Compress(string name, string path, ReadOnlySpan<byte> content, bool isPage)
    {
        var crc = System.IO.Hashing.Crc32.HashToUInt32(content);
        if (!CompressedFile.ShouldDeflate(name))
            return new PlannedEntry(name, false, [new FilePiece(path, content.Length)], content.Length, crc, null);

        var spans = isPage ? DownloadSize.Spans(content) : [];
        var pieces = new List<Piece>(spans.Count + 1);
        var at = 0;
        long baseLength = content.Length;
        foreach (var span in spans)
        {
            var (start, length) = span.GetOffsetAndLength(content.Length);
            pieces.Add(new MemoryPiece(DeflateChunks.Compress(content[at..start], CompressedFile.DeflateLevel)));
            baseLength -= length;
            at = start + length;
        }
        pieces.Add(new MemoryPiece(DeflateChunks.Compress(content[at..], CompressedFile.DeflateLevel)));
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in spans)
            texts.Add(Encoding.UTF8.GetString(content[span]));
        return new PlannedEntry(name, true, pieces, baseLength, crc, texts.Count == 1 ? texts.Single() : null);
    }

    /// <summary>
    /// The entry <paramref name="old"/> of the last build's zip, whose pages showed <paramref name="shown"/>, read from
    /// <paramref name="zip"/>; null when the zip does not hold it where the index says.
    /// </summary>
    public static PlannedEntry? Reuse(string name, ZipIndex.Entry old, string shown, PreviousZip zip)
    {
        var spans = old.Deflated ? old.Chunks.Length - 1 : 0;
        if (old.Chunks.Length == 0 || (!old.Deflated && old.Chunks.Length != 1) || old.Chunks.Any(c => c < 0) || old.Length < 0)
            return null;
        var textLength = Encoding.UTF8.GetByteCount(shown);
        var compressed = old.Chunks.Sum() + (old.Deflated ? spans * DeflateChunks.StoredLength(textLength) + DeflateChunks.FinalBlock.Length : 0);
        if (compressed > uint.MaxValue || old.Length > uint.MaxValue)
            return null;
        var header = ZipWriter.LocalHeader(name, old.Deflated, old.Crc32, old.Length, compressed);
        if (!zip.HasAt(old.LocalHeaderOffset, header))
            return null;
        var pieces = new List<Piece>(old.Chunks.Length);
        var at = old.LocalHeaderOffset + header.Length;
        foreach (var chunk in old.Chunks)
        {
            pieces.Add(new ZipPiece(zip, at, chunk));
            at += chunk + DeflateChunks.StoredLength(textLength);
        }
        return new PlannedEntry(name, old.Deflated, pieces, old.Length - (long)spans * textLength, old.Crc32, spans > 0 ? shown : null);
    }
}
