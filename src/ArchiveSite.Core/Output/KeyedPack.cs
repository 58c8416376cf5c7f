using System.Security.Cryptography;
using System.Text;

namespace ArchiveSite.Output;

/// <summary>
/// A build-cache file holding byte entries by key: one file rather than one per entry, because creating files
/// costs far more kernel time than writing their bytes (see <see cref="Build.TranscriptCache"/>). Written through
/// <see cref="AtomicFile"/> and ending with the SHA-256 of everything before it, so a pack that is missing, of
/// another layout, cut short or damaged anywhere reads as empty rather than as wrong entries.
/// </summary>
public static class KeyedPack
{
    const int HashBytes = SHA256.HashSizeInBytes;

    public static Dictionary<string, byte[]> Load(string path, int layout)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < sizeof(int) * 2 + HashBytes
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashBytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashBytes)))
                return entries;
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - HashBytes, writable: false), Encoding.UTF8);
            if (reader.ReadInt32() != layout)
                return entries;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var length = reader.ReadInt32();
                if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
                    return new(StringComparer.Ordinal);
                entries[key] = reader.ReadBytes(length);
            }
            return reader.BaseStream.Position == reader.BaseStream.Length ? entries : new(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException)
        {
            return new(StringComparer.Ordinal);
        }
    }

    /// <summary>Writes the entries in key order. A cache that cannot be written only costs time, so that is not an error.</summary>
    public static void Save(string path, int layout, IReadOnlyDictionary<string, byte[]> entries)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(layout);
            writer.Write(entries.Count);
            foreach (var key in entries.Keys.Order(StringComparer.Ordinal))
            {
                writer.Write(key);
                writer.Write(entries[key].Length);
                writer.Write(entries[key]);
            }
        }
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        try
        {
            AtomicFile.Write(path, stream =>
            {
                stream.Write(body.GetBuffer(), 0, (int)body.Length);
                stream.Write(hash);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
