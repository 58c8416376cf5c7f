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

    /// <summary><paramref name="stemCounts"/> with each stem numbered as the entries this cache reads are (see <see cref="NumberedStemCounts"/>).</summary>
    public NumberedStemCounts Numbered(IReadOnlyCollection<KeyValuePair<string, int>> stemCounts)
    {
        var counts = new KeyValuePair<string, int>[stemCounts.Count];
        var numbers = new int[counts.Length];
        var at = 0;
        foreach (var (stem, count) in stemCounts)
        {
            counts[at] = new KeyValuePair<string, int>(_stems.Get(stem, out numbers[at]), count);
            at++;
        }
        return new NumberedStemCounts(counts, numbers, _stems);
    }

    public void Save() => _pack.Save();
}
