using System.Collections.Concurrent;
using System.Text;
using ArchiveSite.Ingest;
using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// Parsed transcripts kept across builds in one pack file, <c>transcripts.pack</c> of the cache folder, by key.
/// The key covers everything a reader reads (the file's path and bytes, its caption sidecar) and the program
/// version, so a transcript is parsed again exactly when one of them changed. One file rather than one per
/// transcript because creating a file costs far more than writing its bytes: on the 2-core build machine 1,000
/// files of 16 bytes took as much kernel time as 1,000 of 43 KB (about 0.6 s), and the cold input phase of 1,000
/// transcripts went from about 5.6 s to 4.3 s of CPU; rewriting the 43 MB pack after one change costs too little to see.
/// Get and Put are thread-safe; <see cref="Save"/> runs once all of a build's transcripts are read.
/// </summary>
public sealed class TranscriptCache(string cacheDirectory)
{
    /// <summary>Changes whenever the pack's layout does, so an old pack is never misread.</summary>
    const int PackVersion = 1;

    public string PackPath { get; } = Path.Combine(cacheDirectory, "transcripts.pack");

    readonly Lazy<Dictionary<string, byte[]>> _kept = new(() => LoadPack(Path.Combine(cacheDirectory, "transcripts.pack")));
    readonly ConcurrentDictionary<string, byte[]> _got = new(StringComparer.Ordinal);
    // Kept as the model, not as bytes, until Save: the build holds these transcripts anyway, so serialising them
    // one by one into the pack holds no second copy.
    readonly ConcurrentDictionary<string, Transcript> _put = new(StringComparer.Ordinal);

    public static string Key(string sourcePath, ReadOnlySpan<byte> bytes, Sidecar? sidecar) =>
        ContentHash.OfParts(["transcript", ProgramVersion.Hash, sourcePath, ContentHash.Of(bytes),
            sidecar?.Path ?? "\0", sidecar?.Yaml ?? "\0"]);

    /// <summary>The transcript kept under <paramref name="key"/>; null when there is none (or it is unreadable).</summary>
    public Transcript? Get(string key)
    {
        if (!_kept.Value.TryGetValue(key, out var bytes) || TranscriptBinary.FromBytes(bytes) is not { } transcript)
            return null;
        _got[key] = bytes;
        return transcript;
    }

    /// <summary>Keeps a transcript under its key until <see cref="Save"/>.</summary>
    public void Put(string key, Transcript transcript) => _put[key] = transcript;

    /// <summary>
    /// Writes the pack of the transcripts this build got or put, so entries of files since changed or removed do
    /// not pile up; nothing is written when the pack already holds exactly those. A cache that cannot be written
    /// only costs time, so that is not an error.
    /// </summary>
    public void Save()
    {
        if (_put.IsEmpty && _got.Count == _kept.Value.Count)
            return;
        try
        {
            AtomicFile.Write(PackPath, stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8);
                using var entry = new MemoryStream();
                using var entryWriter = new BinaryWriter(entry, Encoding.UTF8, leaveOpen: true);
                writer.Write(PackVersion);
                var keys = _got.Keys.Union(_put.Keys).Order(StringComparer.Ordinal).ToList();
                writer.Write(keys.Count);
                foreach (var key in keys)
                {
                    writer.Write(key);
                    if (_got.TryGetValue(key, out var bytes))
                    {
                        writer.Write(bytes.Length);
                        writer.Write(bytes);
                        continue;
                    }
                    entry.SetLength(0);
                    TranscriptBinary.Write(entryWriter, _put[key]);
                    entryWriter.Flush();
                    writer.Write((int)entry.Length);
                    writer.Write(entry.GetBuffer(), 0, (int)entry.Length);
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The pack's entries by key; empty when there is no pack or it is not a whole one of this layout.</summary>
    static Dictionary<string, byte[]> LoadPack(string path)
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
