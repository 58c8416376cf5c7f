using System.Text;

namespace ArchiveSite.Search;

/// <summary>
/// Cuts an index into term-range shards (search/s{N}.js) of about <see cref="TargetShardBytes"/> each and
/// a manifest (search/manifest.js) listing each shard's first term, which the browser uses to load only the
/// shards a query can reach. Each shard entry is: term, lunr term index, then per field a posting string of
/// (document-number delta, weight in thousandths) pairs, which is all lunr needs to rebuild the postings and
/// the field-vector elements of that term.
/// </summary>
public sealed class ShardWriter(int targetShardBytes)
{
    public int TargetShardBytes { get; } = targetShardBytes > 0
        ? targetShardBytes
        : throw new ArgumentOutOfRangeException(nameof(targetShardBytes), "shards need a positive size");

    public const string Folder = "search";

    public static string ShardPath(int shard) => $"{Folder}/s{shard}.js";

    public static string ManifestPath => $"{Folder}/manifest.js";

    public IReadOnlyList<SearchFile> Write(ShardSource source, int displayChunkSize)
    {
        var files = new List<SearchFile>();
        var firstTerms = new List<string>();
        var entries = new StringBuilder();
        string? firstTerm = null;

        void Flush()
        {
            if (firstTerm is null) return;
            files.Add(new SearchFile(ShardPath(firstTerms.Count), ScriptData.Call("shard", firstTerms.Count, $"[{entries}]")));
            firstTerms.Add(firstTerm);
            entries.Clear();
            firstTerm = null;
        }

        string? previous = null;
        foreach (var term in source.Terms)
        {
            if (previous is not null && string.CompareOrdinal(previous, term.Term) >= 0)
                throw new ArgumentException($"index terms must be in ordinal order: '{previous}' before '{term.Term}'", nameof(source));
            previous = term.Term;

            var entry = Entry(term, source.Fields.Count);
            if (firstTerm is not null && entries.Length + entry.Length > TargetShardBytes) Flush();
            if (entries.Length > 0) entries.Append(',');
            entries.Append(entry);
            firstTerm ??= term.Term;
        }
        Flush();

        var manifest = new Manifest(source.Version, source.Fields, source.DocumentCount, displayChunkSize, firstTerms);
        files.Insert(0, new SearchFile(ManifestPath, ScriptData.Call("manifest", 0, ScriptData.Json(manifest))));
        return files;
    }

    static string Entry(IndexTerm term, int fieldCount)
    {
        if (term.PostingsByField.Count != fieldCount)
            throw new ArgumentException($"term '{term.Term}' has postings for {term.PostingsByField.Count} fields, the index has {fieldCount}");
        var entry = new StringBuilder();
        entry.Append(ScriptData.Json(term.Term)).Append(',').Append(term.Index);
        foreach (var postings in term.PostingsByField)
        {
            entry.Append(",\"");
            var previousDocument = 0;
            var first = true;
            foreach (var posting in postings)
            {
                if (posting.Document < previousDocument || (!first && posting.Document == previousDocument))
                    throw new ArgumentException($"postings of '{term.Term}' must be in document order");
                PostingEncoding.Append(entry, posting.Document - previousDocument);
                PostingEncoding.Append(entry, PostingEncoding.Thousandths(posting.Weight));
                previousDocument = posting.Document;
                first = false;
            }
            entry.Append('"');
        }
        return entry.ToString();
    }

    sealed record Manifest(string Version, IReadOnlyList<string> Fields, int DocumentCount, int DisplayChunk, IReadOnlyList<string> Shards);
}
