using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using ArchiveSite.Build;
using ArchiveSite.Output;

namespace ArchiveSite.Download;

/// <summary>
/// What the last build's download holds, kept in the build cache: its entries in zip order, each with the content
/// hash of its file, its CRC and lengths (where its local header is follows from the entries before it). With it a
/// rebuild copies unchanged entries from the last zip, and keeps the last zip's start and the start of its central
/// directory as they are. It names the zip by length and modification time, so a zip replaced or lost since (a
/// failed build, a restored output folder) is not trusted; nor is an index from another program or runtime, whose
/// compression may differ. The entries stay one block of bytes, read on demand: a rebuild asks about a few of 45,000,
/// and copies the records of those it keeps into the next index unread.
/// </summary>
public sealed class ZipIndex
{
    /// <summary>Bump when the layout below or the way entries are compressed changes.</summary>
    const int Format = 4;

    /// <summary>The format, compression level, program and runtime: an index made by anything else is not trusted.</summary>
    public static readonly string Version = ContentHash.OfParts(
        [$"{Format}", $"{CompressedFile.DeflateLevel}", ProgramVersion.Hash, RuntimeInformation.FrameworkDescription]);

    public sealed record Entry(string Hash, bool Deflated, uint Crc32, long Length, long CompressedLength, long LocalHeaderOffset);

    // A record: name length (2 bytes), name (UTF-8), hash length (2), hash (ASCII), deflated (1), CRC (4),
    // length (8), compressed length (8).
    const int FixedLength = 1 + 4 + 8 + 8;

    /// <summary>The index file's bytes; the records are from <c>_starts[0]</c> on.</summary>
    readonly byte[] _records;
    readonly int[] _starts;
    readonly long[] _offsets;
    readonly Lazy<Dictionary<string, Entry>> _entries;

    ZipIndex(long zipLength, long zipModified, byte[] records, int[] starts, long[] offsets)
    {
        (ZipLength, ZipModified, _records, _starts, _offsets) = (zipLength, zipModified, records, starts, offsets);
        _entries = new(() => Enumerable.Range(0, Count).ToDictionary(Name, EntryAt, StringComparer.Ordinal));
    }

    public long ZipLength { get; }

    public long ZipModified { get; }

    /// <summary>How many entries the zip has.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>Where the central directory starts (the entries end).</summary>
    public long DirectoryOffset => _offsets[^1];

    /// <summary>Every entry by name, for a rebuild that plans every file (made on first use).</summary>
    public IReadOnlyDictionary<string, Entry> Entries => _entries.Value;

    /// <summary>The entry's name in the zip, as UTF-8.</summary>
    public ReadOnlySpan<byte> NameBytes(int index) => _records.AsSpan(_starts[index] + 2, NameLengthOf(_starts[index]));

    public string Name(int index) => Encoding.UTF8.GetString(NameBytes(index));

    public Entry EntryAt(int index)
    {
        var at = _starts[index] + 2 + NameLengthOf(_starts[index]);
        var hashLength = BinaryPrimitives.ReadUInt16LittleEndian(_records.AsSpan(at));
        var hash = Encoding.ASCII.GetString(_records, at + 2, hashLength);
        var fixedPart = _records.AsSpan(at + 2 + hashLength, FixedLength);
        return new Entry(hash, fixedPart[0] != 0, BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[1..]),
            BinaryPrimitives.ReadInt64LittleEndian(fixedPart[5..]), BinaryPrimitives.ReadInt64LittleEndian(fixedPart[13..]), _offsets[index]);
    }

    /// <summary>The zip's first <paramref name="count"/> entries: how long they are, with their central records.</summary>
    public ZipWriter.Extent ExtentOf(int count)
    {
        var extent = ZipWriter.Extent.Empty;
        for (var i = 0; i < count; i++)
            extent = extent.Add(NameLengthOf(_starts[i]), _offsets[i + 1] - _offsets[i] - ZipWriter.LocalHeaderLength - NameLengthOf(_starts[i]));
        return extent;
    }

    /// <summary>How many bytes the entries' records take.</summary>
    public int RecordsLength => _starts[^1] - _starts[0];

    int NameLengthOf(int start) => BinaryPrimitives.ReadUInt16LittleEndian(_records.AsSpan(start));

    /// <summary>The index file for the download of an output folder.</summary>
    public static string FileFor(string cacheDirectory, string outputDirectory) =>
        Path.Combine(cacheDirectory, "download", ContentHash.Of(Path.GetFullPath(outputDirectory)) + ".index");

    /// <summary>The index in <paramref name="file"/> if it describes the zip now at <paramref name="zipPath"/>; else null.</summary>
    public static ZipIndex? Load(string file, string zipPath)
    {
        var zip = new FileInfo(zipPath);
        if (!File.Exists(file) || !zip.Exists)
            return null;
        try
        {
            var bytes = File.ReadAllBytes(file);
            var reader = new CacheBytesReader(bytes);
            if (reader.ReadString() != Version)
                return null;
            var (length, modified, count) = (reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt32());
            if (length != zip.Length || modified != zip.LastWriteTimeUtc.Ticks)
                return null;
            var records = reader.ReadSegment(reader.ReadInt32());
            return reader.AtEnd && Parse(bytes, records.Offset, count, length) is var (starts, offsets)
                ? new ZipIndex(length, modified, bytes, starts, offsets)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// Where each record starts in <paramref name="records"/> (they run from <paramref name="at"/> to its end) and each
    /// entry's local header is; null when the records do not fit a zip of <paramref name="zipLength"/> bytes.
    /// </summary>
    static (int[] Starts, long[] Offsets)? Parse(byte[] records, int at, int count, long zipLength)
    {
        if (count < 0 || count > records.Length - at)
            return null;
        var (starts, offsets) = (new int[count + 1], new long[count + 1]);
        for (var i = 0; i < count; i++)
        {
            starts[i] = at;
            if (records.Length - at < 2)
                return null;
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(records.AsSpan(at));
            var hashAt = at + 2 + nameLength;
            if (records.Length - hashAt < 2)
                return null;
            var fixedAt = hashAt + 2 + BinaryPrimitives.ReadUInt16LittleEndian(records.AsSpan(hashAt));
            if (records.Length - fixedAt < FixedLength)
                return null;
            var fixedPart = records.AsSpan(fixedAt, FixedLength);
            long length = BinaryPrimitives.ReadInt64LittleEndian(fixedPart[5..]), compressed = BinaryPrimitives.ReadInt64LittleEndian(fixedPart[13..]);
            if (length < 0 || compressed < 0 || (fixedPart[0] == 0 && length != compressed))
                return null;
            offsets[i + 1] = checked(offsets[i] + ZipWriter.LocalHeaderLength + nameLength + compressed);
            at = fixedAt + FixedLength;
        }
        starts[count] = at;
        return at == records.Length && offsets[count] <= zipLength ? (starts, offsets) : null;
    }

    /// <summary>Gathers an index's entries in zip order, to save once the zip they describe is on disk.</summary>
    /// <param name="capacity">About how many bytes the records take: a rebuild's index is about as long as the last one.</param>
    public sealed class Builder(int capacity = 0)
    {
        readonly MemoryStream _records = new(capacity);
        int _count;

        /// <summary>The first <paramref name="count"/> entries of <paramref name="index"/>, as they are.</summary>
        public Builder AddFirst(ZipIndex index, int count)
        {
            _records.Write(index._records, index._starts[0], index._starts[count] - index._starts[0]);
            _count += count;
            return this;
        }

        public Builder Add(string name, string hash, bool deflated, uint crc32, long length, long compressedLength)
        {
            Span<byte> number = stackalloc byte[8];
            foreach (var text in (byte[][])[Encoding.UTF8.GetBytes(name), Encoding.ASCII.GetBytes(hash)])
            {
                BinaryPrimitives.WriteUInt16LittleEndian(number, checked((ushort)text.Length));
                _records.Write(number[..2]);
                _records.Write(text);
            }
            _records.WriteByte(deflated ? (byte)1 : (byte)0);
            BinaryPrimitives.WriteUInt32LittleEndian(number, crc32);
            _records.Write(number[..4]);
            BinaryPrimitives.WriteInt64LittleEndian(number, length);
            _records.Write(number);
            BinaryPrimitives.WriteInt64LittleEndian(number, compressedLength);
            _records.Write(number);
            _count++;
            return this;
        }

        /// <summary>Saves the index of the zip <paramref name="zip"/> now is.</summary>
        public void Save(string file, FileInfo zip) => Save(file, zip.Length, zip.LastWriteTimeUtc.Ticks);

        public void Save(string file, long zipLength, long zipModified) => AtomicFile.Write(file, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Version);
            writer.Write(zipLength);
            writer.Write(zipModified);
            writer.Write(_count);
            writer.Write(checked((int)_records.Length));
            writer.Write(_records.GetBuffer(), 0, (int)_records.Length);
        });
    }
}
