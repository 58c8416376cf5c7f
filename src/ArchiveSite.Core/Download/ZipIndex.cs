using System.Runtime.InteropServices;
using ArchiveSite.Build;
using ArchiveSite.Output;

namespace ArchiveSite.Download;

/// <summary>
/// What the last build's download holds, kept in the build cache: for each entry the content hash of its
/// file, its CRC and lengths and where its local header is. With it a rebuild copies unchanged entries from the
/// last zip. It names the zip by length and modification time, so a zip replaced or lost since (a failed
/// build, a restored output folder) is not trusted; nor is an index from another program or runtime, whose
/// compression may differ.
/// </summary>
public sealed record ZipIndex(long ZipLength, long ZipModified, IReadOnlyDictionary<string, ZipIndex.Entry> Entries)
{
    /// <summary>Bump when the layout below or the way entries are compressed changes.</summary>
    const int Format = 2;

    /// <summary>The format, compression level, program and runtime: an index made by anything else is not trusted.</summary>
    public static readonly string Version = ContentHash.OfParts(
        [$"{Format}", $"{CompressedFile.DeflateLevel}", ProgramVersion.Hash, RuntimeInformation.FrameworkDescription]);

    public sealed record Entry(string Hash, bool Deflated, uint Crc32, long Length, long CompressedLength, long LocalHeaderOffset);

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
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(file), 1 << 16));
            if (reader.ReadString() != Version)
                return null;
            var (length, modified) = (reader.ReadInt64(), reader.ReadInt64());
            if (length != zip.Length || modified != zip.LastWriteTimeUtc.Ticks)
                return null;
            var count = ReadCount(reader);
            var entries = new Dictionary<string, Entry>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                entries[name] = new Entry(reader.ReadString(), reader.ReadBoolean(), reader.ReadUInt32(), reader.ReadInt64(), reader.ReadInt64(),
                    reader.ReadInt64());
            }
            return new ZipIndex(length, modified, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException
                                       or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A count read from the file, which a damaged file must not make absurd.</summary>
    static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw new FormatException($"a count of {count} where {reader.BaseStream.Length - reader.BaseStream.Position} bytes are left");
    }

    public void Save(string file) => AtomicFile.Write(file, stream =>
    {
        using var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16));
        writer.Write(Version);
        writer.Write(ZipLength);
        writer.Write(ZipModified);
        writer.Write(Entries.Count);
        foreach (var (name, entry) in Entries)
        {
            writer.Write(name);
            writer.Write(entry.Hash);
            writer.Write(entry.Deflated);
            writer.Write(entry.Crc32);
            writer.Write(entry.Length);
            writer.Write(entry.CompressedLength);
            writer.Write(entry.LocalHeaderOffset);
        }
    });
}
