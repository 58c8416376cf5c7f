namespace ArchiveSite.Download;

/// <summary>
/// A file of the site on its way into the zip: the fields its headers hold and where its compressed bytes wait
/// until the zip is written (<see cref="EntrySource"/>).
/// </summary>
/// <param name="Hash">The file's content hash, by which the <see cref="ZipIndex"/> finds the entry again in the next build.</param>
/// <param name="Crc32">Null for a file stored from the site whose CRC is not known: it is taken as the file is copied in.</param>
public sealed record PlannedEntry(string Name, string Hash, bool Deflated, uint? Crc32, long Length, long CompressedLength, EntrySource Source)
{
    /// <summary>The length of <see cref="Name"/> in UTF-8, as the zip holds it.</summary>
    public int NameLength { get; } = System.Text.Encoding.UTF8.GetByteCount(Name);

    /// <summary>How many bytes the entry takes in the zip, its local header included.</summary>
    public long ZipLength => ZipWriter.LocalHeaderLength + NameLength + CompressedLength;

    /// <summary><paramref name="content"/> held in memory: deflated when its name is text, else stored.</summary>
    public static PlannedEntry InMemory(string name, string hash, ReadOnlySpan<byte> content)
    {
        var deflate = CompressedFile.ShouldDeflate(name);
        var compressed = deflate ? CompressedFile.DeflateAs(name, content) : content.ToArray();
        return new PlannedEntry(name, hash, deflate, System.IO.Hashing.Crc32.HashToUInt32(content), content.Length, compressed.Length,
            new InMemory(compressed));
    }

    /// <summary>A text file deflated as it was written (see <see cref="WriteArchiveZip.Prepare"/>).</summary>
    public static PlannedEntry FromPacked(string name, string hash, uint crc32, PackedText packed) =>
        new(name, hash, true, crc32, packed.Length, packed.Deflated.Length, new InMemory(packed.Deflated));

    /// <summary>
    /// A file stored as it is (an image, a font), copied in only when the zip is written: a site's images are too
    /// many megabytes to hold. <paramref name="crc32"/> is null when it is not known without reading the file.
    /// </summary>
    public static PlannedEntry FromSiteFile(string name, string hash, string path, long length, uint? crc32 = null) =>
        new(name, hash, false, crc32, length, length, new InSiteFile(path));

    /// <summary>
    /// The entry <paramref name="old"/> of the last build's zip, <paramref name="zipLength"/> bytes long, copied from
    /// it as it is; null when the index entry cannot describe it (the zip is too short for it, or it was compressed
    /// otherwise than this name is now).
    /// </summary>
    public static PlannedEntry? Reuse(string name, string hash, ZipIndex.Entry old, long zipLength)
    {
        var plan = new PlannedEntry(name, hash, old.Deflated, old.Crc32, old.Length, old.CompressedLength, new InPreviousZip(old.LocalHeaderOffset));
        var fits = old.LocalHeaderOffset >= 0 && old.CompressedLength >= 0 && old.Length >= 0 && old.LocalHeaderOffset <= zipLength - plan.ZipLength;
        return fits && old.Deflated == CompressedFile.ShouldDeflate(name) && (old.Deflated || old.Length == old.CompressedLength) ? plan : null;
    }
}

/// <summary>A text file of the site, <paramref name="Length"/> bytes, deflated as a zip entry holds it.</summary>
public sealed record PackedText(long Length, byte[] Deflated);

/// <summary>Where an entry's bytes are until the zip is written.</summary>
public abstract record EntrySource;

/// <summary>Compressed (or, for a small stored file, copied) in this build.</summary>
public sealed record InMemory(byte[] Bytes) : EntrySource;

/// <summary>A file of the site, stored as it is.</summary>
public sealed record InSiteFile(string Path) : EntrySource;

/// <summary>The whole entry, local header included, in the last build's zip from <paramref name="LocalHeaderOffset"/>.</summary>
public sealed record InPreviousZip(long LocalHeaderOffset) : EntrySource;
