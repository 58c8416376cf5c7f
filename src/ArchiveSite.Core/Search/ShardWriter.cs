using System.Text;

namespace ArchiveSite.Search;

/// <summary>
/// Cuts an index into term-range shards (search/s{N}.js) of about <see cref="TargetShardBytes"/> each, found
/// through two levels of separators so a query loads little besides its shards: the manifest
/// (search/manifest.js) lists the first separator of each group of shards, and each group file
/// (search/g{G}.js) lists the separators of its shards. A shard's separator is the shortest string that sorts
/// after the previous shard's last term and no later than its own first term, so a term belongs to the last
/// shard whose separator is not greater than it. Each shard entry is: term, lunr term index, then per field
/// a posting string of (document-number delta, weight in thousandths) pairs, which is all lunr needs to
/// rebuild the postings and the field-vector elements of that term.
/// </summary>
public sealed class ShardWriter(int targetShardBytes)
{
    public int TargetShardBytes { get; } = targetShardBytes > 0
        ? targetShardBytes
        : throw new ArgumentOutOfRangeException(nameof(targetShardBytes), "shards need a positive size");

    public const string Folder = "search";

    public static string ShardPath(int shard) => $"{Folder}/s{shard}.js";

    public static string GroupPath(int group) => $"{Folder}/g{group}.js";

    public static string ManifestPath => $"{Folder}/manifest.js";

    /// <summary>Shards per group: about the square root of the shard count, so manifest and group files stay alike and small.</summary>
    public static int GroupSize(int shardCount) => Math.Max(1, (int)Math.Ceiling(Math.Sqrt(shardCount)));

    public IReadOnlyList<SearchFile> Write(ShardSource source)
    {
        var files = new List<SearchFile>();
        var separators = new List<string>();
        var entries = new StringBuilder();
        string? firstTerm = null, lastTerm = null, previousShardLastTerm = null;

        void Flush()
        {
            if (firstTerm is null) return;
            files.Add(new SearchFile(ShardPath(separators.Count), ScriptData.Call("shard", separators.Count, $"[{entries}]")));
            separators.Add(previousShardLastTerm is null ? "" : Separator(previousShardLastTerm, firstTerm));
            previousShardLastTerm = lastTerm;
            entries.Clear();
            firstTerm = null;
        }

        foreach (var term in source.Terms)
        {
            if (lastTerm is not null && string.CompareOrdinal(lastTerm, term.Term) >= 0)
                throw new ArgumentException($"index terms must be in ordinal order: '{lastTerm}' before '{term.Term}'", nameof(source));

            var entry = Entry(term, source.Fields.Count);
            if (firstTerm is not null && entries.Length + entry.Length > TargetShardBytes) Flush();
            if (entries.Length > 0) entries.Append(',');
            entries.Append(entry);
            firstTerm ??= term.Term;
            lastTerm = term.Term;
        }
        Flush();

        var groupSize = GroupSize(separators.Count);
        var groups = separators.Chunk(groupSize).ToArray();
        files.InsertRange(0, groups.Select((group, g) => new SearchFile(GroupPath(g), ScriptData.Call("group", g, ScriptData.Json(group)))));
        var manifest = new Manifest(source.Version, source.Fields, source.DocumentCount,
            separators.Count, groupSize, [.. groups.Select(group => group[0])]);
        files.Insert(0, new SearchFile(ManifestPath, ScriptData.Call("manifest", 0, ScriptData.Json(manifest))));
        return files;
    }

    /// <summary>
    /// The shortest prefix of <paramref name="first"/> that sorts after <paramref name="previous"/> (ordinal,
    /// as JavaScript compares strings), never ending inside a surrogate pair.
    /// </summary>
    public static string Separator(string previous, string first)
    {
        var length = 1;
        while (length < first.Length && first.AsSpan(0, length).SequenceCompareTo(previous) <= 0)
            length++;
        if (length < first.Length && char.IsHighSurrogate(first[length - 1])) length++;
        return first[..length];
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

    sealed record Manifest(string Version, IReadOnlyList<string> Fields, int DocumentCount,
        int ShardCount, int GroupSize, IReadOnlyList<string> Groups);
}
