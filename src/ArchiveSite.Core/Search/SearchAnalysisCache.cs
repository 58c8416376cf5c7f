using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ArchiveSite.Build;
using ArchiveSite.Output;

namespace ArchiveSite.Search;

/// <summary>
/// Each transcript's lunr analysis (terms and their counts per turn and field, see <see cref="Lunr.AnalyzedDocuments"/>)
/// kept across builds in <c>search.pack</c> of the cache folder (see <see cref="CachePack{T}"/>), keyed by the program version and
/// the transcript's search field values, so a rebuild tokenises and stems only transcripts whose search text
/// changed. Term weights depend on the whole archive (idf, average field lengths), so they are not kept: the
/// builder recomputes them from the kept counts. Get and Put are thread-safe; <see cref="Save"/> runs once
/// the index is built.
/// </summary>
public sealed class SearchAnalysisCache(string cacheDirectory)
{
    readonly CachePack<Lunr.AnalyzedDocuments> _pack = new(Path.Combine(cacheDirectory, "search.pack"), (writer, analyzed) => writer.Write(analyzed.ToBytes()));
    int _reused;

    public string PackPath => _pack.PackPath;

    /// <summary>How many transcripts' analyses this build took from the pack.</summary>
    public int Reused => _reused;

    /// <summary>
    /// The key of one transcript's documents: everything their analysis is made from. Hashed part by part, each
    /// length-prefixed, rather than through <see cref="ContentHash.OfParts"/>, which would copy the whole text.
    /// </summary>
    public static string Key(IEnumerable<IReadOnlyDictionary<string, string>> fieldValues)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = new byte[sizeof(int)];
        void Append(string part)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, part.Length);
            hash.AppendData(length);
            hash.AppendData(MemoryMarshal.AsBytes(part.AsSpan()));
        }
        Append("search");
        Append(ProgramVersion.Hash);
        foreach (var values in fieldValues)
            foreach (var (name, _) in SearchDocument.Fields)
                Append(values[name]);
        return ContentHash.Hex(hash.GetHashAndReset());
    }

    /// <summary>The analysis kept under <paramref name="key"/>; null when there is none or it is damaged.</summary>
    public Lunr.AnalyzedDocuments? Get(string key)
    {
        var analyzed = _pack.Get(key, Lunr.AnalyzedDocuments.FromBytes);
        if (analyzed is not null)
            Interlocked.Increment(ref _reused);
        return analyzed;
    }

    public void Put(string key, Lunr.AnalyzedDocuments analyzed) => _pack.Put(key, analyzed);

    /// <summary>Writes the pack of the analyses this build used, unless it already holds exactly those.</summary>
    public void Save() => _pack.Save();
}
