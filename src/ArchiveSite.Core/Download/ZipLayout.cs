using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace ArchiveSite.Download;

/// <summary>
/// A zip laid out before it is written: each entry's offset follows from the lengths of the entries before it,
/// so the entries are written at their offsets in parallel, and each run of entries that the last build's zip
/// holds one after another is copied from it in one kernel copy (<see cref="FileRanges"/>); then the central
/// directory. Nothing in an entry's bytes depends on where it is, so an entry copied from the last zip to
/// another offset is the entry a clean build writes. A layout may follow a start kept from the last zip
/// (<see cref="KeptStart"/>): its entries come after that start's, and its central records after theirs.
/// </summary>
public sealed class ZipLayout
{
    /// <summary>
    /// The last zip's first entries, as <paramref name="Extent"/> measures them, kept where they are; their central records
    /// are the same bytes in the new zip (same names, fields and offsets), so they are copied from the last zip's central
    /// directory, which starts at <paramref name="DirectoryOffset"/>.
    /// </summary>
    public sealed record KeptStart(ZipWriter.Extent Extent, long DirectoryOffset);

    /// <summary>Long copies are cut into pieces of this size, so that both cores copy.</summary>
    const long CopyPieceLength = 16 << 20;

    /// <summary>Entries in memory are gathered into writes of about this size.</summary>
    const int BatchLength = 1 << 20;

    readonly IReadOnlyList<PlannedEntry> _entries;
    readonly string _comment;
    readonly KeptStart? _kept;
    readonly long[] _offsets;
    readonly ZipWriter.Extent _extent;

    public ZipLayout(IReadOnlyList<PlannedEntry> entries, string comment = "", KeptStart? kept = null)
    {
        _entries = entries;
        _comment = comment;
        _kept = kept;
        _offsets = new long[entries.Count];
        var extent = kept?.Extent ?? ZipWriter.Extent.Empty;
        for (var i = 0; i < entries.Count; i++)
        {
            _offsets[i] = extent.EntriesLength;
            extent = extent.Add(entries[i].NameLength, entries[i].CompressedLength);
        }
        _extent = extent;
        Length = extent.ZipLength(comment.Length);
    }

    long DirectoryOffset => _extent.EntriesLength;

    /// <summary>The zip's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Where each entry's local header starts.</summary>
    public IReadOnlyList<long> Offsets => _offsets;

    /// <summary>
    /// How many entries at the start sit in the last build's zip exactly where they sit in this one: the zip's first
    /// <see cref="KeptLength"/> bytes are then those of the last zip, and need not be written again.
    /// </summary>
    public int KeptEntries()
    {
        var kept = 0;
        while (kept < _entries.Count && _entries[kept].Source is InPreviousZip old && old.LocalHeaderOffset == _offsets[kept])
            kept++;
        return kept;
    }

    /// <summary>Where the entry <paramref name="index"/> starts (the zip's length before it); the central directory's offset for the entry count.</summary>
    public long OffsetOf(int index) => index < _entries.Count ? _offsets[index] : DirectoryOffset;

    /// <summary>
    /// Writes the zip into <paramref name="output"/>, an empty file; <paramref name="previous"/> is the last build's
    /// zip, which entries <see cref="InPreviousZip"/> come from. From <paramref name="first"/> on (see
    /// <see cref="KeptEntries"/>), only the zip's end is written: the bytes from that entry on, at the start of
    /// <paramref name="output"/>. Returns every entry's CRC.
    /// </summary>
    public uint[] Write(SafeFileHandle output, SafeFileHandle? previous, int first = 0)
    {
        var start = OffsetOf(first);
        var crcs = _entries.Select(e => e.Crc32 ?? 0).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(Partitioner.Create(Pieces(first), EnumerablePartitionerOptions.NoBuffering), options, piece =>
        {
            switch (piece)
            {
                case CopyPiece copy:
                    FileRanges.Copy(previous ?? throw new InvalidOperationException("an entry comes from a last zip that is not open"),
                        copy.From, output, copy.To - start, copy.Length);
                    break;
                case BatchPiece batch:
                    WriteBatch(output, batch.First, batch.Count, start);
                    break;
                case FilePiece file:
                    crcs[file.Index] = WriteSiteFile(output, file.Index, start);
                    break;
            }
        });
        var records = _entries.Select((e, i) => new ZipRecord(e.Name, e.Deflated, crcs[i], e.Length, e.CompressedLength, _offsets[i])).ToList();
        var keptDirectory = _kept?.Extent.DirectoryLength ?? 0;
        if (keptDirectory > 0)
            FileRanges.Copy(previous ?? throw new InvalidOperationException("the central directory's start comes from a last zip that is not open"),
                _kept!.DirectoryOffset, output, DirectoryOffset - start, keptDirectory);
        RandomAccess.Write(output, ZipWriter.DirectoryEnd(records, _extent, _comment), DirectoryOffset + keptDirectory - start);
        if (RandomAccess.GetLength(output) != Length - start)
            throw new IOException($"the zip has {RandomAccess.GetLength(output) + start} bytes, not the {Length} laid out");
        return crcs;
    }

    abstract record Piece;

    sealed record CopyPiece(long From, long To, long Length) : Piece;

    sealed record BatchPiece(int First, int Count) : Piece;

    sealed record FilePiece(int Index) : Piece;

    /// <summary>The work of writing the zip in pieces that cover it, the biggest first.</summary>
    IEnumerable<Piece> Pieces(int firstEntry)
    {
        var pieces = new List<Piece>();
        for (var i = firstEntry; i < _entries.Count;)
        {
            var start = i;
            switch (_entries[i].Source)
            {
                case InPreviousZip first:
                    var from = first.LocalHeaderOffset;
                    var end = from + _entries[i].ZipLength;
                    while (++i < _entries.Count && _entries[i].Source is InPreviousZip next && next.LocalHeaderOffset == end)
                        end += _entries[i].ZipLength;
                    for (var at = from; at < end; at += CopyPieceLength)
                        pieces.Add(new CopyPiece(at, _offsets[start] + (at - from), Math.Min(CopyPieceLength, end - at)));
                    break;
                case InMemory:
                    long length = 0;
                    while (i < _entries.Count && _entries[i].Source is InMemory && (i == start || length + _entries[i].ZipLength <= BatchLength))
                        length += _entries[i++].ZipLength;
                    pieces.Add(new BatchPiece(start, i - start));
                    break;
                case InSiteFile:
                    pieces.Add(new FilePiece(i++));
                    break;
            }
        }
        return pieces.OrderByDescending(LengthOf);
    }

    long LengthOf(Piece piece) => piece switch
    {
        CopyPiece copy => copy.Length,
        BatchPiece batch => _offsets[batch.First + batch.Count - 1] + _entries[batch.First + batch.Count - 1].ZipLength - _offsets[batch.First],
        FilePiece file => _entries[file.Index].ZipLength,
        _ => 0,
    };

    void WriteBatch(SafeFileHandle output, int first, int count, long start)
    {
        var length = (int)LengthOf(new BatchPiece(first, count));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = 0;
            for (var i = first; i < first + count; i++)
            {
                var entry = _entries[i];
                var bytes = ((InMemory)entry.Source).Bytes;
                if (bytes.Length != entry.CompressedLength)
                    throw new InvalidOperationException($"'{entry.Name}' has {bytes.Length} compressed bytes, not the {entry.CompressedLength} planned");
                var header = ZipWriter.LocalHeaderSize(entry.Name);
                ZipWriter.WriteLocalHeader(buffer.AsSpan(at), entry.Name, entry.Deflated, entry.Crc32!.Value, entry.Length, entry.CompressedLength);
                bytes.CopyTo(buffer.AsSpan(at + header));
                at += header + bytes.Length;
            }
            RandomAccess.Write(output, buffer.AsSpan(0, length), _offsets[first] - start);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Copies a stored file of the site in behind its local header: in the kernel when its CRC is known, else
    /// through memory, taking the CRC on the way. Returns the CRC.
    /// </summary>
    uint WriteSiteFile(SafeFileHandle output, int index, long start)
    {
        var entry = _entries[index];
        var path = ((InSiteFile)entry.Source).Path;
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (RandomAccess.GetLength(file) != entry.Length)
            throw new IOException($"'{path}' changed while the download was written: {RandomAccess.GetLength(file)} bytes, not {entry.Length}");
        var header = ZipWriter.LocalHeaderSize(entry.Name);
        if (entry.Crc32 is { } known)
        {
            RandomAccess.Write(output, ZipWriter.LocalHeader(entry.Name, false, known, entry.Length, entry.Length), _offsets[index] - start);
            FileRanges.Copy(file, 0, output, _offsets[index] - start + header, entry.Length);
            return known;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(checked((int)entry.ZipLength));
        try
        {
            var content = buffer.AsSpan(header, (int)entry.Length);
            for (var read = 0; read < content.Length;)
            {
                var got = RandomAccess.Read(file, content[read..], read);
                if (got == 0)
                    throw new IOException($"'{path}' ended after {read} of {content.Length} bytes");
                read += got;
            }
            var crc = System.IO.Hashing.Crc32.HashToUInt32(content);
            ZipWriter.WriteLocalHeader(buffer, entry.Name, false, crc, entry.Length, entry.Length);
            RandomAccess.Write(output, buffer.AsSpan(0, (int)entry.ZipLength), _offsets[index] - start);
            return crc;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
