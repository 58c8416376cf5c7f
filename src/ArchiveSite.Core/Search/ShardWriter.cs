using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ArchiveSite.Text;
using System.Runtime.CompilerServices;

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

    /// <summary>Whether the path, or a path ending in it (as in the download's zip), is a shard's (<see cref="ShardPath"/>).</summary>
    public static bool IsShardPath(ReadOnlySpan<char> path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var folder = path[..Math.Max(0, path.Length - name.Length - 1)];
        return name is ['s', >= '0' and <= '9', .., '.', 'j', 's'] && !name[1..^3].ContainsAnyExceptInRange('0', '9')
            && folder.EndsWith(Folder) && (folder.Length == Folder.Length || folder[^(Folder.Length + 1)] == '/');
    }

    public static string GroupPath(int group) => $"{Folder}/g{group}.js";

    public static string ManifestPath => $"{Folder}/manifest.js";

    /// <summary>Shards per group: about the square root of the shard count, so manifest and group files stay alike and small.</summary>
    public static int GroupSize(int shardCount) => Math.Max(1, (int)Math.Ceiling(Math.Sqrt(shardCount)));

    public IReadOnlyList<SearchFile> Write(ShardSource source)
    {
        var terms = source.Terms;
        for (var t = 1; t < terms.Count; t++)
            if (string.CompareOrdinal(terms[t - 1].Term, terms[t].Term) >= 0)
                throw new ArgumentException($"index terms must be in ordinal order: '{terms[t - 1].Term}' before '{terms[t].Term}'", nameof(source));
        var entries = EncodedEntries.Of(terms, source.Fields.Count);

        var files = new List<SearchFile>();
        var separators = new List<string>();
        var shard = new ByteBuffer(2 * TargetShardBytes);
        int? firstTerm = null;
        var lastTerm = -1;
        string? previousShardLastTerm = null;

        void Flush()
        {
            if (firstTerm is not { } first) return;
            shard.Write("]"u8);
            files.Add(new SearchFile(ShardPath(separators.Count), ScriptData.Call("shard", separators.Count, shard.WrittenSpan)));
            separators.Add(previousShardLastTerm is null ? "" : Separator(previousShardLastTerm, terms[first].Term));
            previousShardLastTerm = terms[lastTerm].Term;
            shard.Clear();
            firstTerm = null;
        }

        for (var t = 0; t < terms.Count; t++)
        {
            var entry = entries[t];
            // The shard's length so far leaves out its opening bracket.
            if (firstTerm is not null && shard.WrittenCount - 1 + entry.Length > TargetShardBytes) Flush();
            shard.Write(shard.WrittenCount == 0 ? "["u8 : ","u8);
            shard.Write(entry);
            firstTerm ??= t;
            lastTerm = t;
        }
        Flush();

        var groupSize = GroupSize(separators.Count);
        var groups = separators.Chunk(groupSize).ToArray();
        files.InsertRange(0, groups.Select((group, g) => new SearchFile(GroupPath(g), ScriptData.Call("group", g, ScriptData.Json(group)))));
        var manifest = new Manifest(source.Version, source.Fields, source.DocumentCount,
            separators.Count, groupSize, [.. groups.Select(group => group[0])]);
        files.Insert(0, new SearchFile(ManifestPath, ScriptData.Call("manifest", 0, ScriptData.Json(manifest.WriteTo))));
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

    /// <summary>
    /// Every term's entry as UTF-8 (all ASCII: the JSON encoder escapes the rest), encoded in parallel by runs of
    /// terms with about as many postings each, each run into one buffer.
    /// </summary>
    sealed class EncodedEntries
    {
        readonly ByteBuffer[] buffers;
        readonly int[] runOfTerm;
        readonly int[] ends;

        EncodedEntries(ByteBuffer[] buffers, int[] runOfTerm, int[] ends)
        {
            this.buffers = buffers;
            this.runOfTerm = runOfTerm;
            this.ends = ends;
        }

        public ReadOnlySpan<byte> this[int term]
        {
            get
            {
                var run = runOfTerm[term];
                var start = term > 0 && runOfTerm[term - 1] == run ? ends[term - 1] : 0;
                return buffers[run].WrittenSpan[start..ends[term]];
            }
        }

        public static EncodedEntries Of(IReadOnlyList<IndexTerm> terms, int fieldCount)
        {
            // Postings before each term, plus one per term so that runs of rare terms end too.
            var before = new long[terms.Count + 1];
            for (var t = 0; t < terms.Count; t++)
            {
                long postings = 1;
                for (var f = 0; f < terms[t].PostingsByField.Count; f++) postings += terms[t].PostingsByField[f].Count;
                before[t + 1] = before[t] + postings;
            }
            var runs = Runs(before, 4 * Environment.ProcessorCount);
            var runOfTerm = new int[terms.Count];
            var ends = new int[terms.Count];
            var buffers = new ByteBuffer[runs.Length];
            Parallel.For(0, runs.Length, r =>
            {
                var (start, end) = runs[r];
                // Entries take about four bytes a posting (measured: 18 MB for the 4.6 million postings of 1,000
                // synthetic transcripts), so with some room a run's buffer is made once, not grown by copying.
                var buffer = buffers[r] = new ByteBuffer((int)Math.Min(Array.MaxLength, 9 * (before[end] - before[start]) / 2 + 256));
                long[] keys = [], scratch = [];
                for (var t = start; t < end; t++)
                {
                    Entry(buffer, terms[t], fieldCount, ref keys, ref scratch);
                    runOfTerm[t] = r;
                    ends[t] = buffer.WrittenCount;
                }
            });
            return new EncodedEntries(buffers, runOfTerm, ends);
        }

        /// <summary>Consecutive runs of terms with about as many postings each, from the postings before each term.</summary>
        static (int Start, int End)[] Runs(long[] before, int parts)
        {
            var runs = new List<(int Start, int End)>();
            var start = 0;
            for (var t = 0; t + 1 < before.Length; t++)
                if (before[t + 1] * parts >= before[^1] * (runs.Count + 1) && runs.Count < parts - 1)
                {
                    runs.Add((start, t + 1));
                    start = t + 1;
                }
            runs.Add((start, before.Length - 1));
            return [.. runs];
        }
    }

    /// <param name="keys">A buffer for the sort keys, grown as needed and kept from term to term; <paramref name="scratch"/> another, for sorting.</param>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Entry(ByteBuffer entry, IndexTerm term, int fieldCount, ref long[] keys, ref long[] scratch)
    {
        if (term.PostingsByField.Count != fieldCount)
            throw new ArgumentException($"term '{term.Term}' has postings for {term.PostingsByField.Count} fields, the index has {fieldCount}");
        WriteTerm(entry, term.Term);
        entry.Write(","u8);
        term.Index.TryFormat(entry.GetSpan(11), out var written, provider: CultureInfo.InvariantCulture);
        entry.Advance(written);
        foreach (var postings in term.PostingsByField)
        {
            if (keys.Length < postings.Count) keys = GC.AllocateUninitializedArray<long>(Math.Max(postings.Count, 2 * keys.Length));
            var sorted = keys.AsSpan(0, postings.Count);
            FillKeys(sorted, term, postings);
            SortByWeight(sorted, ref scratch);
            entry.Write(",\""u8);
            long previousWeight = 0;
            for (var start = 0; start < sorted.Length;)
            {
                var weight = sorted[start] >> 32;
                var end = start;
                while (end < sorted.Length && sorted[end] >> 32 == weight) end++;
                // Room for the whole group at once: one buffer check per group rather than per number.
                var group = entry.GetSpan((end - start + 2) * PostingEncoding.MaxDigits);
                var length = PostingEncoding.Write(group, weight - previousWeight);
                length += PostingEncoding.Write(group[length..], end - start);
                long previousDocument = 0;
                for (var k = start; k < end; k++)
                {
                    var document = sorted[k] & uint.MaxValue;
                    length += PostingEncoding.Write(group[length..], document - previousDocument);
                    previousDocument = document;
                }
                entry.Advance(length);
                previousWeight = weight;
                start = end;
            }
            entry.Write("\""u8);
        }
    }

    /// <summary>Weight in the high half, document in the low: one primitive sort puts them in group order.</summary>
    static void FillKeys(Span<long> keys, IndexTerm term, IReadOnlyList<Posting> postings)
    {
        if (postings is ShardSource.PackedPostings packed)
        {
            // Packed as these keys already: only their order is checked.
            var source = packed.Packed;
            for (var p = 0; p < keys.Length; p++)
            {
                if (source[p] < 0 || (p > 0 && Lunr.PackedIndexByTerm.Document(source[p]) <= Lunr.PackedIndexByTerm.Document(source[p - 1])))
                    throw new ArgumentException($"postings of '{term.Term}' must be in document order, with weights of at least 0");
                keys[p] = source[p];
            }
            return;
        }
        for (var p = 0; p < keys.Length; p++)
            keys[p] = Key(term, postings[p].Document, p == 0 ? -1 : postings[p - 1].Document, postings[p].Weight);
    }

    /// <summary>
    /// Sorts keys that are in document order into weight order, documents ascending within a weight: a stable
    /// radix sort on the weight, a byte at a time, for long lists (where comparison sorting was a third of the
    /// writer's time), a plain sort for short ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void SortByWeight(Span<long> keys, ref long[] scratch)
    {
        const int RadixFrom = 256;
        if (keys.Length < RadixFrom)
        {
            keys.Sort();
            return;
        }
        long largest = 0;
        foreach (var key in keys) largest = Math.Max(largest, key >> 32);
        if (scratch.Length < keys.Length) scratch = GC.AllocateUninitializedArray<long>(Math.Max(keys.Length, 2 * scratch.Length));
        var from = keys;
        var to = scratch.AsSpan(0, keys.Length);
        var inScratch = false;
        Span<int> next = stackalloc int[256];
        for (var shift = 32; largest >> (shift - 32) > 0; shift += 8)
        {
            next.Clear();
            foreach (var key in from) next[(int)(key >> shift) & 0xFF]++;
            var position = 0;
            for (var digit = 0; digit < next.Length; digit++) (next[digit], position) = (position, position + next[digit]);
            foreach (var key in from) to[next[(int)(key >> shift) & 0xFF]++] = key;
            var swap = from;
            from = to;
            to = swap;
            inScratch = !inScratch;
        }
        if (inScratch) from.CopyTo(keys);
    }

    static long Key(IndexTerm term, int document, int previousDocument, double weight) =>
        document >= 0 && document > previousDocument
            ? PostingEncoding.Thousandths(weight) << 32 | (uint)document
            : throw new ArgumentException($"postings of '{term.Term}' must be in document order");

    /// <summary>The term as a JSON string, as <see cref="ScriptData.Json(string)"/> writes it; written directly when it is only letters a-z and digits, which the JSON encoder leaves as they are.</summary>
    static void WriteTerm(ByteBuffer output, string term)
    {
        if (term.AsSpan().ContainsAnyExcept(PlainTermCharacters))
        {
            output.Write(Encoding.UTF8.GetBytes(ScriptData.Json(term)));
            return;
        }
        var span = output.GetSpan(term.Length + 2);
        span[0] = (byte)'"';
        for (var i = 0; i < term.Length; i++) span[i + 1] = (byte)term[i];
        span[term.Length + 1] = (byte)'"';
        output.Advance(term.Length + 2);
    }

    static readonly SearchValues<char> PlainTermCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    sealed record Manifest(string Version, IReadOnlyList<string> Fields, int DocumentCount,
        int ShardCount, int GroupSize, IReadOnlyList<string> Groups)
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("version", Version);
            writer.WriteStringArray("fields", Fields);
            writer.WriteNumber("documentCount", DocumentCount);
            writer.WriteNumber("shardCount", ShardCount);
            writer.WriteNumber("groupSize", GroupSize);
            writer.WriteStringArray("groups", Groups);
            writer.WriteEndObject();
        }
    }
}
