using System.Text;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// The content hashes the last check took of input and theme files, with each file's size and modification time then,
/// kept in the build cache: a file whose size and time are still those is not read and hashed again (the 1,000
/// transcripts of the benchmark are 41 MB, read and hashed in every rebuild). As git's index does, a record is trusted
/// only for a file last modified well before the record was taken (<see cref="Settled"/>), so a file changed within the
/// same tick of a coarse file-system clock as it was hashed is hashed again. A file given back its old size and time by
/// hand (<c>touch -d</c>) after its bytes changed is not seen; deleting the cache, or any real edit, builds it.
/// </summary>
public sealed class KnownFileHashes
{
    /// <summary>Changes whenever the layout below does, so an old file is never misread.</summary>
    const int FormatVersion = 1;

    /// <summary>How much older than the record a file's time must be: more than any file system's clock tick (FAT's is 2 s).</summary>
    static readonly long Settled = TimeSpan.FromSeconds(3).Ticks;

    readonly Dictionary<string, (long Length, long Modified, string Hash)> _known;
    readonly long _takenAt;

    KnownFileHashes(Dictionary<string, (long Length, long Modified, string Hash)> known, long takenAt)
    {
        _known = known;
        _takenAt = takenAt;
    }

    public static KnownFileHashes None { get; } = new(new(StringComparer.Ordinal), 0);

    /// <summary>A file as a check hashed it. A class, not a tuple: the framework's list code over a class is precompiled.</summary>
    public sealed record HashedFile(string File, long Length, long Modified, string Hash);

    public static string FileFor(string cacheDirectory) => Path.Combine(cacheDirectory, "input-hashes");

    /// <summary>The hashes recorded in <paramref name="file"/>; none when there is no record or it cannot be read.</summary>
    public static KnownFileHashes Load(string file)
    {
        try
        {
            var reader = new CacheBytesReader(File.ReadAllBytes(file));
            if (reader.ReadInt32() != FormatVersion)
                return None;
            var takenAt = reader.ReadInt64();
            var known = reader.ReadDictionary(reader.ReadString, () => (reader.ReadInt64(), reader.ReadInt64(), reader.ReadString()));
            return reader.AtEnd ? new KnownFileHashes(known, takenAt) : None;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return None;
        }
    }

    /// <summary>The recorded hash of <paramref name="file"/> when it still has the recorded size and time and had them well before the record was taken.</summary>
    public string? Of(string file, long length, long modified) =>
        _known.TryGetValue(file, out var known) && known.Length == length && known.Modified == modified && modified < _takenAt - Settled
            ? known.Hash
            : null;

    /// <summary>
    /// Records <paramref name="files"/> (full path, size, time, hash), taken at <paramref name="takenAt"/> (UTC ticks, before
    /// any of them was read), unless they are what is recorded already. A record that cannot be written only costs time.
    /// </summary>
    public void Save(string file, long takenAt, IReadOnlyList<HashedFile> files)
    {
        // Kept as it is while it vouches for every file: rewriting it would only push its time later.
        if (files.Count == _known.Count && files.All(f => Of(f.File, f.Length, f.Modified) == f.Hash))
            return;
        try
        {
            AtomicFile.Write(file, stream =>
            {
                using var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16), Encoding.UTF8);
                writer.Write(FormatVersion);
                writer.Write(takenAt);
                writer.WriteList(files, f =>
                {
                    writer.Write(f.File);
                    writer.Write(f.Length);
                    writer.Write(f.Modified);
                    writer.Write(f.Hash);
                });
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
