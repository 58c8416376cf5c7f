using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ArchiveSite.Build;
using ArchiveSite.Output;
using ArchiveSite.Text;

namespace ArchiveSite.Search;

/// <summary>
/// The first page of a one-term query in one file. Results cluster in few transcripts but their turns sit in
/// different display files (search/d*.js, a couple of turns each), and from file:// ten script files take
/// several times as long as one. So for each term held by at least <c>minimumResults</c> documents, the
/// display data of the <c>count</c> documents a query of that term alone ranks first is written to
/// search/t{name}.js, name the term's <see cref="Name"/> (terms whose names collide share the file, keyed by
/// term). The browser uses it when a query reaches that one term and the file holds every result of its page;
/// otherwise it loads display files as before, so a file that does not match the query's page costs time, never
/// correctness. Results are listed by their place among the display files ("N-C/T": turn T of search/dN-C.js,
/// see <see cref="DisplayWriter"/>), not by document number: a change that adds or removes a turn renumbers the
/// documents after it, and would otherwise rewrite every top file, though their results rarely change.
/// </summary>
public static class TopResultsWriter
{
    public static string TopPath(uint name) => $"{ShardWriter.Folder}/t{name.ToString("x8", CultureInfo.InvariantCulture)}.js";

    /// <summary>
    /// FNV-1a (32 bits) of the term's UTF-16 code units: search-core.js computes the same from the term
    /// alone, so it needs no list of which terms have a file.
    /// </summary>
    public static uint Name(string term)
    {
        var hash = 2166136261u;
        foreach (var unit in term)
        {
            hash ^= unit;
            hash = unchecked(hash * 16777619u);
        }
        return hash;
    }

    /// <param name="keep">
    /// Asked with each file's path and key (everything its bytes are made from: the program version, its terms,
    /// their documents and what those show); a file it keeps, as the last build wrote it, is neither made nor
    /// returned, so a rebuild serialises only the files whose results changed.
    /// </param>
    /// <param name="displayChunk">The turns per display file, as <see cref="DisplayWriter.Write"/> was given it.</param>
    public static IReadOnlyList<SearchFile> Write(ShardSource source, IReadOnlyList<SearchDocument> documents, int count, int minimumResults,
        int displayChunk, Func<string, string, bool>? keep = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var places = Places(documents, displayChunk);
        var tops = new int[]?[source.Terms.Count];
        Parallel.For(0, source.Terms.Count, () => new Scratch(source.DocumentCount), (t, _, scratch) =>
        {
            tops[t] = BestOf(source.Terms[t], t + 1, count, minimumResults, scratch);
            return scratch;
        }, _ => { });
        var files = FilesOf(source, tops);
        var made = new SearchFile?[files.Length];
        Parallel.For(0, files.Length, f =>
        {
            var (name, terms) = files[f];
            var path = TopPath(name);
            var parts = new List<string> { ProgramVersion.Hash, path };
            foreach (var t in terms)
                AddParts(parts, source.Terms[t].Term, tops[t]!, documents, places);
            var key = ContentHash.OfParts(parts);
            if (keep is not null && keep(path, key)) return;
            made[f] = new SearchFile(path, ScriptData.Call("top", name.ToString("x8", CultureInfo.InvariantCulture),
                writer =>
                {
                    writer.WriteStartObject();
                    foreach (var t in terms)
                    {
                        writer.WritePropertyName(source.Terms[t].Term);
                        Entry(tops[t]!, documents, places).WriteTo(writer);
                    }
                    writer.WriteEndObject();
                }), key);
        });
        return [.. made.OfType<SearchFile>()];
    }

    /// <summary>
    /// The files to write, by name ascending, each with its terms (those with a first page) ascending. Sorted as
    /// name-and-term keys rather than grouped with LINQ: a one-transcript change otherwise compiles two dozen of
    /// LINQ's generic methods for these value types, in a step that takes a few milliseconds.
    /// </summary>
    static (uint Name, int[] Terms)[] FilesOf(ShardSource source, int[]?[] tops)
    {
        // Name above term number: a term number is below 2^31, so the key needs 63 bits and sorts as a long.
        var keys = new long[tops.Count(top => top is not null)];
        var count = 0;
        for (var t = 0; t < tops.Length; t++)
            if (tops[t] is not null)
                keys[count++] = (long)Name(source.Terms[t].Term) << 31 | (long)t;
        Array.Sort(keys);
        var fileCount = 0;
        for (var k = 0; k < keys.Length; k++)
            if (k == 0 || keys[k] >> 31 != keys[k - 1] >> 31) fileCount++;
        var files = new (uint Name, int[] Terms)[fileCount];
        var file = 0;
        for (var start = 0; start < keys.Length; file++)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] >> 31 == keys[start] >> 31) end++;
            var terms = new int[end - start];
            for (var k = start; k < end; k++) terms[k - start] = (int)(keys[k] & int.MaxValue);
            files[file] = ((uint)(keys[start] >> 31), terms);
            start = end;
        }
        return files;
    }

    /// <summary>What a term's entry in its file is made from: the term, then per document its place and <see cref="TurnKey"/>.</summary>
    static void AddParts(List<string> parts, string term, int[] best, IReadOnlyList<SearchDocument> documents, string[] places)
    {
        parts.Add(term);
        foreach (var d in best)
        {
            parts.Add(places[d]);
            parts.AddRange(TurnKey(documents[d]));
        }
    }

    /// <summary>What <see cref="Turn"/> is made from: the document's source key and anchor when it has one (no text read), its turn otherwise.</summary>
    static string[] TurnKey(SearchDocument d) => d.SourceKey is { } sourceKey ? ["source", sourceKey, d.Anchor] : Turn(d);

    /// <summary>Each document's place among the display files, "N-C/T" (see displayOf in search-core.js).</summary>
    static string[] Places(IReadOnlyList<SearchDocument> documents, int displayChunk)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayChunk);
        var transcripts = SearchDocument.ByTranscript(documents);
        var names = DisplayWriter.Names(SearchDocument.Pages(documents, transcripts));
        var places = new string[documents.Count];
        for (var t = 0; t < transcripts.Length; t++)
        {
            var (start, turns) = transcripts[t];
            for (var local = 0; local < turns; local++)
                places[start + local] = string.Create(CultureInfo.InvariantCulture, $"{names[t]}-{local / displayChunk}/{local % displayChunk}");
        }
        return places;
    }

    static string[] Turn(SearchDocument d) => [d.Page, d.TranscriptTitle, d.Anchor, d.Speaker, d.Section, d.Text];

    /// <summary>
    /// The documents a query of the term alone ranks first, in lunr's order (see fastSearch in search-core.js):
    /// score descending, the score being the term's weights (as the shards store them: exact thousandths)
    /// added in field order; ties by the first field holding the term, then by document. Null when fewer than
    /// <paramref name="minimumResults"/> documents hold the term, and for the empty term (what punctuation-only
    /// tokens become), which no word of a query is.
    /// </summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int[]? BestOf(IndexTerm term, int stamp, int count, int minimumResults, Scratch scratch)
    {
        if (term.Term.Length == 0 || term.PostingsByField.Sum(postings => postings.Count) < minimumResults) return null;
        var (scores, firstField, seen, held) = (scratch.Scores, scratch.FirstField, scratch.Seen, scratch.Held);
        var heldCount = 0;
        for (var field = 0; field < term.PostingsByField.Count; field++)
        {
            var postings = term.PostingsByField[field];
            if (postings is ShardSource.PackedPostings packed)
            {
                // Read as packed, without a call per posting: these terms hold most of the index's postings.
                foreach (var posting in packed.Packed)
                    Add(Lunr.PackedIndexByTerm.Document(posting), Lunr.PackedIndexByTerm.Weight(posting), field);
                continue;
            }
            for (var p = 0; p < postings.Count; p++)
                Add(postings[p].Document, postings[p].Weight, field);
        }
        if (heldCount < minimumResults) return null;

        // Most documents rank below a full page: one comparison with its last settles them.
        var best = new int[Math.Min(count, heldCount)];
        var size = 0;
        for (var h = 0; h < heldCount; h++)
        {
            var document = held[h];
            if (size == best.Length && !RanksBefore(document, best[size - 1])) continue;
            var at = size == best.Length ? size - 1 : size++;
            while (at > 0 && RanksBefore(document, best[at - 1]))
            {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = document;
        }
        return best;

        void Add(int document, double weight, int field)
        {
            if (seen[document] == stamp)
            {
                scores[document] += weight;
                return;
            }
            seen[document] = stamp;
            scores[document] = weight;
            firstField[document] = field;
            held[heldCount++] = document;
        }

        bool RanksBefore(int x, int y) => scores[x] > scores[y] || (scores[x] == scores[y] && (firstField[x] < firstField[y] || (firstField[x] == firstField[y] && x < y)));
    }

    /// <summary>Per-thread arrays indexed by document; Seen holds the stamp of the term that last set a document.</summary>
    sealed class Scratch(int documentCount)
    {
        public double[] Scores { get; } = new double[documentCount];
        public int[] FirstField { get; } = new int[documentCount];
        public int[] Seen { get; } = new int[documentCount];
        public int[] Held { get; } = new int[documentCount];
    }

    static TopEntry Entry(int[] best, IReadOnlyList<SearchDocument> documents, string[] places) =>
        new([.. best.Select(d => places[d])], [.. best.Select(d => Turn(documents[d]))]);

    /// <summary>The documents' places among the display files, best first, and per document its page, transcript title, anchor, speaker, section and text.</summary>
    sealed record TopEntry(string[] Places, string[][] Turns)
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteStringArray("places", Places);
            writer.WriteStartArray("turns");
            foreach (var turn in Turns) writer.WriteStringArray(turn);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
