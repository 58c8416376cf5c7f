using System.Text;

namespace ArchiveSite.Search;

/// <summary>
/// Cuts an index into term-range shards (search/s{N}.js) of about <see cref="TargetShardBytes"/> each, found
/// through two levels of separators so a query loads little besides its shards: the manifest
/// (search/manifest.js) lists the first separator of each group of shards, and each group file
/// (search/g{G}.js) lists the separators of its shards. A shard's separator is the shortest string that sorts
/// after the previous shard's last term and no later than its own first term, so a term belongs to the last
/// shard whose separator is not greater than it. Each shard entry is: term, lunr term index, then per field
/// a posting string (<see cref="PostingEncoding"/> numbers), which is all lunr needs to rebuild the postings
/// and the field-vector elements of that term. The postings come grouped by weight, weights ascending: per
/// group the weight in thousandths as the difference from the previous group's (the first from 0), the
/// number of documents, then those documents ascending as differences (the first from 0). Frequent terms
/// have a few hundred distinct weights among thousands of documents, so this takes about 30% fewer
/// characters than a (document, weight) pair per posting (measured on 1,000 transcripts: 2.57 against
/// 3.67 million characters). search-core.js reads it (decodePostings).
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
            // Weight in the high half, document in the low: one primitive sort puts them in group order.
            var keys = new long[postings.Count];
            for (var p = 0; p < postings.Count; p++)
            {
                if (postings[p].Document < 0 || (p > 0 && postings[p].Document <= postings[p - 1].Document))
                    throw new ArgumentException($"postings of '{term.Term}' must be in document order");
                keys[p] = PostingEncoding.Thousandths(postings[p].Weight) << 32 | (uint)postings[p].Document;
            }
            Array.Sort(keys);
            entry.Append(",\"");
            long previousWeight = 0;
            for (var start = 0; start < keys.Length;)
            {
                var weight = keys[start] >> 32;
                var end = start;
                while (end < keys.Length && keys[end] >> 32 == weight) end++;
                PostingEncoding.Append(entry, weight - previousWeight);
                PostingEncoding.Append(entry, end - start);
                long previousDocument = 0;
                for (var k = start; k < end; k++)
                {
                    var document = keys[k] & uint.MaxValue;
                    PostingEncoding.Append(entry, document - previousDocument);
                    previousDocument = document;
                }
                previousWeight = weight;
                start = end;
            }
            entry.Append('"');
        }
        return entry.ToString();
    }

    sealed record Manifest(string Version, IReadOnlyList<string> Fields, int DocumentCount,
        int ShardCount, int GroupSize, IReadOnlyList<string> Groups);
}
