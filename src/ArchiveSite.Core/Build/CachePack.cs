using System.Collections.Concurrent;
using System.Text;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// Entries of the build cache kept across builds in one pack file, by key. One file rather than one per entry
/// because creating a file costs far more than writing its bytes: on the 2-core build machine 1,000 files of
/// 16 bytes took as much kernel time as 1,000 of 43 KB (about 0.6 s). A build that adds few entries to a big pack
/// writes them to a small delta file beside it (<see cref="DeltaPath"/>) instead of the whole pack: after one of
/// 1,000 transcripts changed, 43 KB rather than 42 MB. A key names its entry's content (it is a hash of everything the
/// entry is made from), so an entry of either file is right wherever its key is asked for, and a pack and a delta
/// left by different builds (one killed between writing the pack and deleting the delta) never disagree. Entries no
/// build uses any more stay until the pack is written whole, which happens once they and the delta's entries would
/// be more than an eighth of it. Get and Put are thread-safe; <see cref="Save"/> runs once a build has got or put all
/// it needs.
/// </summary>
/// <param name="write">Writes an entry put in this build; <c>decode</c> of <see cref="Get"/> reads it back.</param>
public sealed class CachePack<T>(string path, Action<BinaryWriter, T> write) where T : class
{
    /// <summary>Changes whenever the pack's layout does, so an old pack is never misread.</summary>
    const int PackVersion = 1;

    readonly Lazy<(Dictionary<string, ArraySegment<byte>> Pack, Dictionary<string, ArraySegment<byte>> Delta)> _kept =
        new(() => (Load(path), Load(path + ".delta")));
    readonly ConcurrentDictionary<string, ArraySegment<byte>> _got = new(StringComparer.Ordinal);
    // Kept as the model, not as bytes, until Save: the build holds these anyway, and Save encodes them in
    // parallel while the input phase's memory is far below the build's peak.
    readonly ConcurrentDictionary<string, T> _put = new(StringComparer.Ordinal);

    public string PackPath { get; } = path;

    /// <summary>Entries put since the pack was last written whole, in the pack's layout.</summary>
    public string DeltaPath => PackPath + ".delta";

    /// <summary>The entry kept under <paramref name="key"/>; null when there is none or <paramref name="decode"/> cannot read it.</summary>
    public T? Get(string key, Func<ArraySegment<byte>, T?> decode)
    {
        var (pack, delta) = _kept.Value;
        if (!(pack.TryGetValue(key, out var bytes) || delta.TryGetValue(key, out bytes)) || decode(bytes) is not { } entry)
            return null;
        _got[key] = bytes;
        return entry;
    }

    /// <summary>Keeps an entry under its key until <see cref="Save"/>.</summary>
    public void Put(string key, T entry) => _put[key] = entry;

    /// <summary>
    /// Keeps the entries this build got or put: in the delta while few differ from the pack, otherwise in a pack
    /// written whole, so entries of inputs since changed or removed do not pile up. Nothing is written when the
    /// files already hold what they should. A cache that cannot be written only costs time, so that is not an error.
    /// </summary>
    public void Save()
    {
        var (pack, delta) = _kept.Value;
        var used = _got.Keys.Union(_put.Keys).ToHashSet(StringComparer.Ordinal);
        var fromPack = used.Count(key => !_put.ContainsKey(key) && pack.ContainsKey(key));
        var notInPack = used.Where(key => _put.ContainsKey(key) || !pack.ContainsKey(key)).ToList();
        try
        {
            if (CacheDelta.Suffices(pack.Count, fromPack, notInPack.Count))
            {
                if (_put.IsEmpty && notInPack.Count == delta.Count)
                    return;
                if (notInPack.Count == 0)
                    File.Delete(DeltaPath);
                else
                    Write(DeltaPath, notInPack);
                return;
            }
            if (_put.IsEmpty && fromPack == pack.Count && used.Count == pack.Count && delta.Count == 0)
                return;
            Write(PackPath, used);
            File.Delete(DeltaPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    void Write(string file, IEnumerable<string> entries)
    {
        var keys = entries.Order(StringComparer.Ordinal).ToArray();
        // Entries put in this build are encoded in parallel: a cold build puts every transcript (42 MB for 1,000).
        var encoded = new ArraySegment<byte>[keys.Length];
        Parallel.For(0, keys.Length, i => encoded[i] = _put.TryGetValue(keys[i], out var entry) ? Encode(entry) : _got[keys[i]]);
        AtomicFile.Write(file, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
            writer.Write(PackVersion);
            writer.Write(keys.Length);
            for (var i = 0; i < keys.Length; i++)
            {
                writer.Write(keys[i]);
                writer.Write(encoded[i].Count);
                writer.Write(encoded[i]);
            }
        });
    }

    byte[] Encode(T entry)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
            write(writer, entry);
        return bytes.ToArray();
    }

    /// <summary>
    /// The pack's entries by key, each a part of one array holding the whole file; empty when there is no pack or it
    /// is not a whole one of this layout.
    /// </summary>
    static Dictionary<string, ArraySegment<byte>> Load(string path)
    {
        var entries = new Dictionary<string, ArraySegment<byte>>(StringComparer.Ordinal);
        try
        {
            var reader = new CacheBytesReader(FileReading.ReadWhole(path));
            if (reader.ReadInt32() != PackVersion)
                return entries;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                entries[key] = reader.ReadSegment(reader.ReadInt32());
            }
            return reader.AtEnd ? entries : new(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new(StringComparer.Ordinal);
        }
    }
}
