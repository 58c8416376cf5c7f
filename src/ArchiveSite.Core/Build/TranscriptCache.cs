using ArchiveSite.Ingest;
using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// Parsed transcripts kept across builds in <c>transcripts/</c> of the cache folder, one file per key. The key
/// covers everything a reader reads (the file's path and bytes, its caption sidecar) and the program version,
/// so a transcript is parsed again exactly when one of them changed. Thread-safe.
/// </summary>
public sealed class TranscriptCache(string cacheDirectory)
{
    public string Folder { get; } = Path.Combine(cacheDirectory, "transcripts");

    public static string Key(string sourcePath, ReadOnlySpan<byte> bytes, Sidecar? sidecar) =>
        ContentHash.OfParts(["transcript", ProgramVersion.Hash, sourcePath, ContentHash.Of(bytes),
            sidecar?.Path ?? "\0", sidecar?.Yaml ?? "\0"]);

    /// <summary>The transcript kept under <paramref name="key"/>; null when there is none (or it is unreadable).</summary>
    public Transcript? Get(string key)
    {
        try
        {
            return TranscriptBinary.FromBytes(File.ReadAllBytes(PathOf(key)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps a transcript under its key; a cache that cannot be written only costs time, so that is not an error.</summary>
    public void Put(string key, Transcript transcript)
    {
        var path = PathOf(key);
        // Written aside then renamed, so a build reading the same key never sees half a file.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(partial, TranscriptBinary.ToBytes(transcript));
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
        }
    }

    string PathOf(string key) => Path.Combine(Folder, key + ".bin");
}
