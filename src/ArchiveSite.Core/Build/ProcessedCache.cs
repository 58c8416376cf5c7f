using ArchiveSite.Archive;
using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// What Process made of each transcript, kept across builds in <c>processed.pack</c> of the cache folder (see
/// <see cref="CachePack{T}"/>), so a rebuild after one transcript changed processes that one only. An entry's
/// key covers the transcript's own cache key (its file and the program version) and the registries Process
/// reads (people and topics).
/// </summary>
public sealed class ProcessedCache(string cacheDirectory, Registries registries)
{
    readonly CachePack<ArchivedTranscript> _pack = new(Path.Combine(cacheDirectory, "processed.pack"), ProcessedBinary.Write);
    readonly string _registries = ModelFingerprint.Of(registries.People, registries.Topics);
    readonly StringPool _stems = new();

    /// <param name="transcriptKey">The transcript's key in the <see cref="TranscriptCache"/>.</param>
    public string Key(string transcriptKey) => ContentHash.OfParts(["processed", transcriptKey, _registries]);

    public ArchivedTranscript? Get(string key, Transcript source) => _pack.Get(key, bytes => ProcessedBinary.FromBytes(bytes, source, _stems));

    public void Put(string key, ArchivedTranscript processed) => _pack.Put(key, processed);

    public void Save() => _pack.Save();
}
