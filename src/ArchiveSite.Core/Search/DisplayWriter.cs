using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchiveSite.Build;
using ArchiveSite.Output;
using ArchiveSite.Text;

namespace ArchiveSite.Search;

/// <summary>
/// What a result shows (transcript title and page, speaker, section, the turn's words for the snippet), in
/// files of <c>chunkSize</c> consecutive turns of one transcript: search/d{N}-{C}.js holds turns C*size ..
/// of the transcript named N (documents come grouped by transcript, see <see cref="SearchDocument.From"/>).
/// N comes from a hash of the transcript's page, not its place in slug order, so that editing, adding or
/// removing one transcript rewrites only its own display files (see <see cref="Names"/>).
/// search/documents.js gives the chunk size and each transcript's turn count and name, which is how the
/// browser finds a document number's file, and how many documents a term needs for a top results file
/// (<see cref="TopResultsWriter"/>). search/facets.js holds the speaker and topic names the filters offer, loaded
/// only when the filters are opened.
/// </summary>
public static class DisplayWriter
{
    public static string ChunkPath(int name, int chunk) => $"{ShardWriter.Folder}/d{name}-{chunk}.js";

    /// <summary>
    /// Names are below 46 * 47 * 47, the numbers <see cref="PostingEncoding"/> writes in three characters,
    /// which keeps documents.js compact (it is loaded by every query).
    /// </summary>
    const int NameCount = 46 * 47 * 47;

    public static string DocumentsPath => $"{ShardWriter.Folder}/documents.js";

    public static string FacetsPath => $"{ShardWriter.Folder}/facets.js";

    /// <param name="keep">
    /// Asked with each display file's path and key (everything its bytes are made from: see the two ChunkKeys); a
    /// file it keeps, as the last build wrote it, is neither made nor returned. documents.js and facets.js are always returned.
    /// </param>
    /// <param name="topResultsMinimum">The documents a term needs for a top results file, as <see cref="TopResultsWriter"/> was given it.</param>
    public static IReadOnlyList<SearchFile> Write(IReadOnlyList<SearchDocument> documents, int chunkSize, Func<string, string, bool>? keep = null,
        int topResultsMinimum = int.MaxValue)
    {
        if (chunkSize <= 0) throw new ArgumentOutOfRangeException(nameof(chunkSize), "display chunks need a positive size");
        var transcripts = Transcripts(documents);
        var names = Names(SearchDocument.Pages(documents, transcripts));
        // Where each transcript's files start among all of them, the last place their count.
        var firstFile = new int[transcripts.Length + 1];
        for (var t = 0; t < transcripts.Length; t++)
            firstFile[t + 1] = firstFile[t] + (transcripts[t].Count + chunkSize - 1) / chunkSize;
        var files = new SearchFile?[firstFile[^1]];
        Parallel.For(0, transcripts.Length, t =>
        {
            var (start, count) = transcripts[t];
            var first = documents[start];
            var transcriptKey = first.SourceKey is null ? null : TranscriptKey(names[t], chunkSize, first.SourceKey);
            for (var chunk = 0; chunk * chunkSize < count; chunk++)
            {
                var path = ChunkPath(names[t], chunk);
                var (from, size) = (start + chunk * chunkSize, Math.Min(chunkSize, count - chunk * chunkSize));
                var turns = transcriptKey is null ? Turns(documents, from, size) : null;
                var key = turns is null ? ChunkKey(transcriptKey!, chunk) : ChunkKey(names[t], chunk, chunkSize, first, turns);
                if (keep is not null && keep(path, key))
                    continue;
                turns ??= Turns(documents, from, size);
                files[firstFile[t] + chunk] = new SearchFile(path,
                    ScriptData.Call("display", $"{names[t]}-{chunk}", new Chunk(first.Page, first.TranscriptTitle, turns).WriteTo), key);
            }
        });

        var turnCounts = new StringBuilder();
        foreach (var (_, count) in transcripts) PostingEncoding.Append(turnCounts, count);
        var encodedNames = new StringBuilder();
        foreach (var name in names) PostingEncoding.Append(encodedNames, name);
        var facets = new Facets(
            documents.Select(d => d.Speaker).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray(),
            documents.SelectMany(d => d.Topics).Distinct().Order(StringComparer.Ordinal).ToArray());
        return [.. files.OfType<SearchFile>(),
                new SearchFile(DocumentsPath, ScriptData.Call("documents", 0, Layout(chunkSize, topResultsMinimum, turnCounts, encodedNames))),
                new SearchFile(FacetsPath, ScriptData.Call("facets", 0, ScriptData.Json(facets.WriteTo)))];
    }

    /// <summary>
    /// Each transcript's display name, pages in document order: a hash of its page, or on a collision the next
    /// free number after it, claimed in page order. Adding or removing a transcript therefore renames no other
    /// unless it collides with it (at 1,000 transcripts about one addition in a hundred).
    /// </summary>
    public static int[] Names(IReadOnlyList<string> pages)
    {
        if (pages.Count > NameCount) throw new ArgumentException($"display files can name at most {NameCount} transcripts, got {pages.Count}", nameof(pages));
        var taken = new HashSet<int>();
        var names = new int[pages.Count];
        for (var t = 0; t < pages.Count; t++)
        {
            var name = (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(pages[t]))) % NameCount);
            while (!taken.Add(name)) name = (name + 1) % NameCount;
            names[t] = name;
        }
        return names;
    }

    /// <summary>
    /// Everything a display file's bytes are made from: the program version (as for pages and cards, so a
    /// new format or JSON escaping never keeps a file an older build wrote), its name and chunk number, the chunk size,
    /// its transcript's page and title (from the transcript's first document) and its turns (anchor, speaker,
    /// section and text each).
    /// </summary>
    static string ChunkKey(int name, int chunk, int chunkSize, SearchDocument first, string[][] turns) => ContentHash.OfParts(
    [
        ProgramVersion.Hash, $"{name}-{chunk}", chunkSize.ToString(CultureInfo.InvariantCulture), first.Page, first.TranscriptTitle,
        .. turns.SelectMany(turn => turn),
    ]);

    /// <summary>
    /// What all display files of a transcript whose documents have a <see cref="SearchDocument.SourceKey"/> are made
    /// from, besides their chunk number: that key covers its page, title and turns, so a file is kept or made again
    /// without its turns' text being read. Hashed once per transcript, not per file (19,000 files for 1,000 transcripts).
    /// </summary>
    static string TranscriptKey(int name, int chunkSize, string sourceKey) => ContentHash.OfParts(
        [ProgramVersion.Hash, "display", name.ToString(CultureInfo.InvariantCulture), chunkSize.ToString(CultureInfo.InvariantCulture), sourceKey]);

    /// <summary>A display file's key from its transcript's <see cref="TranscriptKey"/>.</summary>
    static string ChunkKey(string transcriptKey, int chunk) => string.Create(CultureInfo.InvariantCulture, $"{transcriptKey}-{chunk}");

    /// <summary>What a display file holds of each of <paramref name="count"/> turns from document <paramref name="start"/>: anchor, speaker, section and text.</summary>
    static string[][] Turns(IReadOnlyList<SearchDocument> documents, int start, int count) =>
        [.. Enumerable.Range(start, count).Select(d => new[] { documents[d].Anchor, documents[d].Speaker, documents[d].Section, documents[d].Text })];

    /// <summary>Each transcript's first document number and turn count, in document order.</summary>
    static (int Start, int Count)[] Transcripts(IReadOnlyList<SearchDocument> documents)
    {
        for (var d = 0; d < documents.Count; d++)
        {
            if (documents[d].Id != d)
                throw new ArgumentException($"search documents must be numbered 0..N-1 in order, found {documents[d].Id} at {d}", nameof(documents));
        }
        return SearchDocument.ByTranscript(documents);
    }

    sealed record Chunk(string Page, string Title, string[][] Turns)
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("page", Page);
            writer.WriteString("title", Title);
            writer.WriteStartArray("turns");
            foreach (var turn in Turns) writer.WriteStringArray(turn);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// The chunk size, the top results minimum, and turn counts and display names as posting digits (see <see cref="PostingEncoding"/>),
    /// one number each per transcript. Written as the shards write postings: posting digits need no escape in
    /// a JSON string, and the JSON encoder's escapes of '+', '&amp;', '\'' and '&lt;' would make the names a
    /// fifth larger, in a file every query loads.
    /// </summary>
    static string Layout(int chunkSize, int topResultsMinimum, StringBuilder turnCounts, StringBuilder names) =>
        $"{{\"chunk\":{chunkSize},\"top\":{topResultsMinimum},\"turns\":\"{turnCounts}\",\"names\":\"{names}\"}}";

    sealed record Facets(string[] Speakers, string[] Topics)
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteStringArray("speakers", Speakers);
            writer.WriteStringArray("topics", Topics);
            writer.WriteEndObject();
        }
    }
}
