using System.Collections.Concurrent;
using ArchiveSite.Build;
using ArchiveSite.Output;

namespace ArchiveSite.Search;

/// <summary>
/// Each transcript's lunr analysis (terms and their counts per turn and field, see <see cref="Lunr.AnalyzedDocuments"/>)
/// kept across builds in one pack, <c>search.pack</c> of the cache folder, keyed by the program version and
/// the transcript's search field values, so a rebuild tokenises and stems only transcripts whose search text
/// changed. Term weights depend on the whole archive (idf, average field lengths), so they are not kept: the
/// builder recomputes them from the kept counts. Get and Put are thread-safe; <see cref="Save"/> runs once
/// the index is built.
/// </summary>
public sealed class SearchAnalysisCache(string cacheDirectory)
{
    /// <summary>Changes whenever the pack's layout does, so an old pack is never misread.</summary>
    const int PackLayout = 1;

    readonly Lazy<Dictionary<string, byte[]>> _kept = new(() => KeyedPack.Load(Path.Combine(cacheDirectory, "search.pack"), PackLayout));
    readonly ConcurrentDictionary<string, byte[]> _used = new(StringComparer.Ordinal);
    int _reused;

    public string PackPath { get; } = Path.Combine(cacheDirectory, "search.pack");

    /// <summary>How many transcripts' analyses this build took from the pack.</summary>
    public int Reused => _reused;

    /// <summary>The key of one transcript's documents: everything their analysis is made from.</summary>
    public static string Key(IEnumerable<IReadOnlyDictionary<string, string>> fieldValues) =>
        ContentHash.OfParts(["search", ProgramVersion.Hash,
            .. fieldValues.SelectMany(values => SearchDocument.Fields.Select(f => values[f.Name]))]);

    /// <summary>The analysis kept under <paramref name="key"/>; null when there is none or it is unreadable.</summary>
    public Lunr.AnalyzedDocuments? Get(string key)
    {
        if (!_kept.Value.TryGetValue(key, out var bytes) || Lunr.AnalyzedDocuments.FromBytes(bytes) is not { } analyzed)
            return null;
        _used[key] = bytes;
        Interlocked.Increment(ref _reused);
        return analyzed;
    }

    public void Put(string key, Lunr.AnalyzedDocuments analyzed) => _used[key] = analyzed.ToBytes();

    /// <summary>Writes the pack of the analyses this build used, unless it already holds exactly those.</summary>
    public void Save()
    {
        if (_reused == _used.Count && _used.Count == _kept.Value.Count)
            return;
        KeyedPack.Save(PackPath, PackLayout, _used);
    }
}
