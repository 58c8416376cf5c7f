using System.Collections.Concurrent;
using System.Text;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// Entries of the build cache kept across builds in one pack file, by key. One file rather than one per entry
/// because creating a file costs far more than writing its bytes: on the 2-core build machine 1,000 files of
/// 16 bytes took as much kernel time as 1,000 of 43 KB (about 0.6 s). Get and Put are thread-safe;
/// <see cref="Save"/> runs once a build has got or put all it needs.
/// </summary>
/// <param name="write">Writes an entry put in this build; <c>decode</c> of <see cref="Get"/> reads it back.</param>
public sealed class CachePack<T>(string path, Action<BinaryWriter, T> write) where T : class
{
    /// <summary>Changes whenever the pack's layout does, so an old pack is never misread.</summary>
    const int PackVersion = 1;

    readonly Lazy<Dictionary<string, byte[]>> _kept = new(() => Load(path));
    readonly ConcurrentDictionary<string, byte[]> _got = new(StringComparer.Ordinal);
    // Kept as the model, not as bytes, until Save: the build holds these anyway, and Save encodes them in
    // parallel while the input phase's memory is far below the build's peak.
    readonly ConcurrentDictionary<string, T> _put = new(StringComparer.Ordinal);

    public string PackPath { get; } = path;

    /// <summary>The entry kept under <paramref name="key"/>; null when there is none or <paramref name="decode"/> cannot read it.</summary>
    public T? Get(string key, Func<byte[], T?> decode)
    {
        if (!_kept.Value.TryGetValue(key, out var bytes) || decode(bytes) is not { } entry)
            return null;
        _got[key] = bytes;
        return entry;
    }

    /// <summary>Keeps an entry under its key until <see cref="Save"/>.</summary>
    public void Put(string key, T entry) => _put[key] = entry;

    /// <summary>
    /// Writes the pack of the entries this build got or put, so entries of inputs since changed or removed do
    /// not pile up; nothing is written when the pack already holds exactly those. A cache that cannot be written
    /// only costs time, so that is not an error.
    /// </summary>
    public void Save()
    {
        if (_put.IsEmpty && _got.Count == _kept.Value.Count)
            return;
        try
        {
            var keys = _got.Keys.Union(_put.Keys).Order(StringComparer.Ordinal).ToArray();
            // Entries put in this build are encoded in parallel: a cold build puts every transcript (42 MB for 1,000).
            var encoded = new byte[keys.Length][];
            Parallel.For(0, keys.Length, i => encoded[i] = _got.TryGetValue(keys[i], out var bytes) ? bytes : Encode(_put[keys[i]]));
            AtomicFile.Write(PackPath, stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8);
                writer.Write(PackVersion);
                writer.Write(keys.Length);
                for (var i = 0; i < keys.Length; i++)
                {
                    writer.Write(keys[i]);
                    writer.Write(encoded[i].Length);
                    writer.Write(encoded[i]);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    byte[] Encode(T entry)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
            write(writer, entry);
        return bytes.ToArray();
    }

    /// <summary>The pack's entries by key; empty when there is no pack or it is not a whole one of this layout.</summary>
    static Dictionary<string, byte[]> Load(string path)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != PackVersion)
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new(StringComparer.Ordinal);
        }
    }
}
