using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using ArchiveSite.Output;
using Microsoft.Win32.SafeHandles;

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

    readonly Lazy<(Dictionary<string, Entry> Pack, Dictionary<string, Entry> Delta)> _kept =
        new(() => (Index(path), Index(path + ".delta")));
    readonly ConcurrentDictionary<string, Entry> _got = new(StringComparer.Ordinal);
    // Kept as the model, not as bytes, until Save: the build holds these anyway, and Save encodes them in
    // parallel while the input phase's memory is far below the build's peak.
    readonly ConcurrentDictionary<string, T> _put = new(StringComparer.Ordinal);

    public string PackPath { get; } = path;

    /// <summary>Entries put since the pack was last written whole, in the pack's layout.</summary>
    public string DeltaPath => PackPath + ".delta";

    /// <summary>The entry kept under <paramref name="key"/>; null when there is none or <paramref name="decode"/> cannot read it.</summary>
    public T? Get(string key, Func<ArraySegment<byte>, T?> decode) => Get(key, (bytes, _) => decode(bytes));

    /// <summary>
    /// As <see cref="Get(string, Func{ArraySegment{byte}, T?})"/>, telling <paramref name="decode"/> where the entry is stored,
    /// so that it may leave part of it there to be read later.
    /// </summary>
    public T? Get(string key, Func<ArraySegment<byte>, StoredEntry, T?> decode)
    {
        var (pack, delta) = _kept.Value;
        if (!pack.TryGetValue(key, out var kept) && !delta.TryGetValue(key, out kept))
            return null;
        // Read into a pooled buffer, decoded and given back: holding the whole pack in one array for the build was an
        // allocation of 42 MB on the large object heap (for 1,000 transcripts) in every rebuild.
        var buffer = ArrayPool<byte>.Shared.Rent(kept.Length);
        try
        {
            if (!TryRead(kept, buffer) || decode(new ArraySegment<byte>(buffer, 0, kept.Length), new StoredEntry(kept.File, kept.Offset)) is not { } entry)
                return null;
            _got[key] = kept;
            return entry;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
        Parallel.For(0, keys.Length, i => encoded[i] = _put.TryGetValue(keys[i], out var entry) ? Encode(entry) : Read(_got[keys[i]]));
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

    /// <summary>The bytes of an entry got in this build, read again to be written with the others.</summary>
    static byte[] Read(Entry entry)
    {
        var bytes = new byte[entry.Length];
        return TryRead(entry, bytes) ? bytes : throw new IOException("the cache pack changed while it was read");
    }

    static bool TryRead(Entry entry, byte[] into)
    {
        try
        {
            return FileReading.ReadFully(entry.File, into.AsSpan(0, entry.Length), entry.Offset) == entry.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Where each entry of a pack file is, by key, read from its keys and lengths alone; empty when there is no pack or
    /// it is not a whole one of this layout. The file stays open for the entries to be read, and for what was decoded
    /// from them (see <see cref="StoredEntry"/>): its handle is closed when the last of those is collected.
    /// </summary>
    static Dictionary<string, Entry> Index(string path)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            // Shared for writing and deleting too: a later build may replace the pack while entries decoded from it live on.
            var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            // A small buffer: between two keys lies an entry it skips, so a bigger one would be read and thrown away.
            using var stream = new FileStream(new SafeFileHandle(file.DangerousGetHandle(), ownsHandle: false), FileAccess.Read, bufferSize: 512);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != PackVersion)
                return entries;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var length = reader.ReadInt32();
                if (length < 0 || length > stream.Length - stream.Position)
                    return new(StringComparer.Ordinal);
                entries[key] = new Entry(file, stream.Position, length);
                stream.Seek(length, SeekOrigin.Current);
            }
            return stream.Position == stream.Length ? entries : new(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            return new(StringComparer.Ordinal);
        }
    }

    /// <summary>Where an entry's bytes are in an open pack file.</summary>
    readonly record struct Entry(SafeFileHandle File, long Offset, int Length);
}
