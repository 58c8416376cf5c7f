using System.Buffers.Binary;
using System.Text;

namespace ArchiveSite.Download;

/// <summary>A file as it goes into a zip: its name inside the zip and its already compressed bytes.</summary>
public sealed record ZipEntry(string Name, CompressedFile File);

/// <summary>What the central directory says of an entry: its headers' fields and where its local header starts.</summary>
public sealed record ZipRecord(string Name, bool Deflated, uint Crc32, long Length, long CompressedLength, long LocalHeaderOffset);

/// <summary>
/// Writes a zip from files compressed beforehand, so compression can run in parallel and be cached while
/// the zip itself is one sequential copy. Nothing from the machine or the clock gets in: every timestamp is
/// the zip epoch and permissions are fixed, so the same entries always give the same bytes. ZIP64 records
/// are added only when offsets or the entry count outgrow the classic format; a single entry is always
/// under 4 GiB (it was compressed in memory).
/// </summary>
public static class ZipWriter
{
    const uint LocalHeaderSignature = 0x04034b50;
    const uint CentralHeaderSignature = 0x02014b50;
    const uint EndSignature = 0x06054b50;
    const uint Zip64EndSignature = 0x06064b50;
    const uint Zip64LocatorSignature = 0x07064b50;

    internal const int LocalHeaderLength = 30;
    const int CentralHeaderLength = 46;
    const int EndLength = 22;
    const int Zip64EndLength = 56;
    const int Zip64LocatorLength = 20;
    const int Zip64OffsetExtraLength = 12;

    /// <summary>The largest comment the end record can hold; <see cref="WriteArchiveZip"/> pads with it.</summary>
    public const int MaxCommentLength = ushort.MaxValue;

    /// <summary>Made by Unix (3), spec 2.0: tells unzip to use the Unix permissions below.</summary>
    const ushort VersionMadeBy = (3 << 8) | 20;

    const ushort VersionStored = 10, VersionDeflated = 20, VersionZip64 = 45;
    const ushort Utf8NamesFlag = 1 << 11;
    const ushort MethodStored = 0, MethodDeflated = 8;

    /// <summary>1980-01-01 00:00:00, the earliest time a zip entry can hold.</summary>
    const ushort DosTime = 0, DosDate = (1 << 5) | 1;

    /// <summary>Regular file, rw-r--r--, in the Unix half of the external attributes.</summary>
    const uint ExternalAttributes = (0x8000u | 0b110_100_100) << 16;

    /// <summary>The exact length in bytes of the zip <see cref="Write"/> would write, without writing it.</summary>
    public static long SizeOf(IReadOnlyList<ZipEntry> entries, int commentLength = 0) =>
        SizeOf(entries.Select(e => e.Name).ToList(), entries.Select(e => e.File.CompressedLength).ToList(), commentLength);

    /// <summary>The exact length of a zip of entries with these names and compressed lengths.</summary>
    public static long SizeOf(IReadOnlyList<string> names, IReadOnlyList<long> compressedLengths, int commentLength = 0)
    {
        var extent = Extent.Empty;
        for (var i = 0; i < names.Count; i++)
            extent = extent.Add(NameLength(names[i]), compressedLengths[i]);
        return extent.ZipLength(commentLength);
    }

    /// <summary>
    /// The first <paramref name="Count"/> entries of a zip: their local headers and bytes take <paramref name="EntriesLength"/>
    /// bytes (where the next entry, or the central directory, starts), and their central records
    /// <paramref name="DirectoryLength"/>. Adding entries one by one gives a zip's length without writing it.
    /// </summary>
    public readonly record struct Extent(int Count, long EntriesLength, long DirectoryLength)
    {
        public static Extent Empty => default;

        public Extent Add(int nameLength, long compressedLength) =>
            new(Count + 1, EntriesLength + LocalHeaderLength + nameLength + compressedLength, DirectoryLength + CentralRecordLength(nameLength, EntriesLength));

        /// <summary>The length of a zip of these entries with its central directory and end records.</summary>
        public long ZipLength(int commentLength) => EntriesLength + DirectoryLength + EndRecordsLength(Count, EntriesLength, DirectoryLength) + commentLength;
    }

    /// <summary>The length of an entry's central record: a ZIP64 extra field holds an offset the classic field cannot.</summary>
    static int CentralRecordLength(int nameLength, long localHeaderOffset) =>
        CentralHeaderLength + nameLength + (localHeaderOffset >= uint.MaxValue ? Zip64OffsetExtraLength : 0);

    /// <summary>Writes the entries in the order given, then the central directory; returns the bytes written.</summary>
    public static long Write(Stream output, IReadOnlyList<ZipEntry> entries, string comment = "")
    {
        var buffered = new BufferedStream(output, 1 << 16);
        var records = new List<ZipRecord>(entries.Count);
        long offset = 0;
        foreach (var entry in entries)
        {
            var file = entry.File;
            records.Add(new ZipRecord(entry.Name, file.Deflated, file.Crc32, file.Length, file.CompressedLength, offset));
            offset += WriteLocal(buffered, entry);
        }
        var written = offset + WriteDirectory(buffered, records, offset, comment);
        buffered.Flush();
        return written;
    }

    /// <summary>
    /// Writes the central directory of <paramref name="records"/>, starting at <paramref name="directoryOffset"/> in
    /// the zip (just after the last entry), and the end records; returns the bytes written.
    /// </summary>
    public static long WriteDirectory(Stream output, IReadOnlyList<ZipRecord> records, long directoryOffset, string comment = "")
    {
        long central = 0;
        foreach (var record in records)
            central += CentralRecordLength(NameLength(record.Name), record.LocalHeaderOffset);
        var bytes = DirectoryEnd(records, new Extent(records.Count, directoryOffset, central), comment);
        output.Write(bytes);
        return bytes.Length;
    }

    /// <summary>
    /// The end of a zip laid out as <paramref name="zip"/> (all its entries): the central records of its last
    /// entries, <paramref name="records"/> (all of them, or those after a start kept from another zip whose records
    /// come before them), and the end records. Made in one array of its exact length, with no bytes per record.
    /// </summary>
    public static byte[] DirectoryEnd(IReadOnlyList<ZipRecord> records, Extent zip, string comment)
    {
        var commentBytes = Encoding.ASCII.GetBytes(comment);
        if (commentBytes.Length > MaxCommentLength)
            throw new ArgumentException("a zip comment holds at most 65535 bytes", nameof(comment));
        long written = 0;
        foreach (var record in records)
            written += CentralRecordLength(NameLength(record.Name), record.LocalHeaderOffset);
        var endLength = EndRecordsLength(zip.Count, zip.EntriesLength, zip.DirectoryLength);
        var bytes = new byte[checked((int)(written + endLength + commentBytes.Length))];
        var at = 0;
        foreach (var record in records)
            at += WriteCentral(bytes.AsSpan(at), record);
        WriteEnd(bytes.AsSpan(at), zip.Count, zip.EntriesLength, zip.DirectoryLength, commentBytes);
        return bytes;
    }

    static long WriteLocal(Stream output, ZipEntry entry)
    {
        var file = entry.File;
        var header = LocalHeader(entry.Name, file.Deflated, file.Crc32, file.Length, file.CompressedLength);
        output.Write(header);
        var copied = file.WriteCompressed(output);
        if (copied != file.CompressedLength)
            throw new IOException($"the compressed bytes of '{entry.Name}' changed: expected {file.CompressedLength}, got {copied}");
        return header.Length + file.CompressedLength;
    }

    /// <summary>The length of an entry's local header, its name included.</summary>
    public static int LocalHeaderSize(string name) => LocalHeaderLength + NameLength(name);

    /// <summary>The local header of an entry, its name included: what comes just before its compressed bytes.</summary>
    public static byte[] LocalHeader(string name, bool deflated, uint crc32, long length, long compressedLength)
    {
        var header = new byte[LocalHeaderSize(name)];
        WriteLocalHeader(header, name, deflated, crc32, length, compressedLength);
        return header;
    }

    /// <summary>Writes the local header of an entry into the first <see cref="LocalHeaderSize"/> bytes of <paramref name="into"/>.</summary>
    public static void WriteLocalHeader(Span<byte> into, string name, bool deflated, uint crc32, long length, long compressedLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(into, LocalHeaderSignature);
        var nameLength = Encoding.UTF8.GetBytes(name, into[LocalHeaderLength..]);
        WriteSharedFields(into[4..], name, deflated, crc32, length, compressedLength, VersionNeeded(deflated), nameLength);
        BinaryPrimitives.WriteUInt16LittleEndian(into[28..], 0);
    }

    /// <summary>Writes the central record of <paramref name="record"/> at the start of <paramref name="into"/>; returns its length.</summary>
    static int WriteCentral(Span<byte> into, ZipRecord record)
    {
        var nameLength = Encoding.UTF8.GetBytes(record.Name, into[CentralHeaderLength..]);
        var localOffset = record.LocalHeaderOffset;
        var zip64 = localOffset >= uint.MaxValue;
        var header = into[..CentralHeaderLength];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, CentralHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionMadeBy);
        WriteSharedFields(header[6..], record.Name, record.Deflated, record.Crc32, record.Length, record.CompressedLength,
            zip64 ? VersionZip64 : VersionNeeded(record.Deflated), nameLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], zip64 ? (ushort)Zip64OffsetExtraLength : (ushort)0);
        // comment length, disk number, internal attributes stay zero
        BinaryPrimitives.WriteUInt32LittleEndian(header[38..], ExternalAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(header[42..], zip64 ? uint.MaxValue : (uint)localOffset);
        if (!zip64)
            return CentralHeaderLength + nameLength;

        var extra = into[(CentralHeaderLength + nameLength)..];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], 8);
        BinaryPrimitives.WriteInt64LittleEndian(extra[4..], localOffset);
        return CentralHeaderLength + nameLength + Zip64OffsetExtraLength;
    }

    /// <summary>
    /// The fields the local and the central header both hold, in the same order: version needed, flags,
    /// method, time, date, CRC, compressed and uncompressed length, name length (24 bytes).
    /// </summary>
    static void WriteSharedFields(Span<byte> fields, string name, bool deflated, uint crc32, long length, long compressedLength,
        ushort versionNeeded, int nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(fields, versionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[2..], Flags(name));
        BinaryPrimitives.WriteUInt16LittleEndian(fields[4..], deflated ? MethodDeflated : MethodStored);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[6..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(fields[8..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[10..], crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(fields[14..], checked((uint)compressedLength));
        BinaryPrimitives.WriteUInt32LittleEndian(fields[18..], checked((uint)length));
        BinaryPrimitives.WriteUInt16LittleEndian(fields[22..], checked((ushort)nameLength));
    }

    static ushort VersionNeeded(bool deflated) => deflated ? VersionDeflated : VersionStored;

    static void WriteEnd(Span<byte> output, int count, long centralOffset, long centralLength, byte[] comment)
    {
        if (NeedsZip64(count, centralOffset, centralLength))
        {
            var zip64 = output[..(Zip64EndLength + Zip64LocatorLength)];
            BinaryPrimitives.WriteUInt32LittleEndian(zip64, Zip64EndSignature);
            BinaryPrimitives.WriteInt64LittleEndian(zip64[4..], Zip64EndLength - 12);
            BinaryPrimitives.WriteUInt16LittleEndian(zip64[12..], VersionMadeBy);
            BinaryPrimitives.WriteUInt16LittleEndian(zip64[14..], VersionZip64);
            BinaryPrimitives.WriteUInt32LittleEndian(zip64[16..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(zip64[20..], 0);
            BinaryPrimitives.WriteInt64LittleEndian(zip64[24..], count);
            BinaryPrimitives.WriteInt64LittleEndian(zip64[32..], count);
            BinaryPrimitives.WriteInt64LittleEndian(zip64[40..], centralLength);
            BinaryPrimitives.WriteInt64LittleEndian(zip64[48..], centralOffset);
            var locator = zip64[Zip64EndLength..];
            BinaryPrimitives.WriteUInt32LittleEndian(locator, Zip64LocatorSignature);
            BinaryPrimitives.WriteUInt32LittleEndian(locator[4..], 0);
            BinaryPrimitives.WriteInt64LittleEndian(locator[8..], centralOffset + centralLength);
            BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
            output = output[zip64.Length..];
        }
        var end = output[..EndLength];
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[4..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)Math.Min(count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)Math.Min(count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)Math.Min(centralLength, uint.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)Math.Min(centralOffset, uint.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(end[20..], (ushort)comment.Length);
        comment.CopyTo(output[EndLength..]);
    }

    static bool NeedsZip64(int count, long centralOffset, long centralLength) =>
        count >= ushort.MaxValue || centralOffset >= uint.MaxValue || centralLength >= uint.MaxValue;

    static long EndRecordsLength(int count, long centralOffset, long centralLength) =>
        EndLength + (NeedsZip64(count, centralOffset, centralLength) ? Zip64EndLength + Zip64LocatorLength : 0);

    static int NameLength(string name) => Encoding.UTF8.GetByteCount(name);

    static ushort Flags(string name) => Ascii.IsValid(name) ? (ushort)0 : Utf8NamesFlag;
}
