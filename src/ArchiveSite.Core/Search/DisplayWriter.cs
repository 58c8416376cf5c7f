namespace ArchiveSite.Search;

/// <summary>
/// What a result shows (transcript title and page, speaker, section, the turn's words for the snippet), in
/// files of <c>chunkSize</c> consecutive turns of one transcript: search/d{T}-{C}.js holds turns C*size ..
/// of the T-th transcript (documents come grouped by transcript, see <see cref="SearchDocument.From"/>).
/// Files are named per transcript so that changing one transcript changes only its own display files.
/// search/documents.js gives the chunk size and each transcript's turn count, which is how the browser finds
/// a document number's file. search/facets.js holds the speaker and topic names the filters offer, loaded
/// only when the filters are opened.
/// </summary>
public static class DisplayWriter
{
    public static string ChunkPath(int transcript, int chunk) => $"{ShardWriter.Folder}/d{transcript}-{chunk}.js";

    public static string DocumentsPath => $"{ShardWriter.Folder}/documents.js";

    public static string FacetsPath => $"{ShardWriter.Folder}/facets.js";

    public static IReadOnlyList<SearchFile> Write(IReadOnlyList<SearchDocument> documents, int chunkSize)
    {
        if (chunkSize <= 0) throw new ArgumentOutOfRangeException(nameof(chunkSize), "display chunks need a positive size");
        var transcripts = Transcripts(documents);
        var files = new SearchFile[transcripts.Sum(t => (t.Count + chunkSize - 1) / chunkSize)];
        var firstFile = new int[transcripts.Count];
        for (var t = 1; t < transcripts.Count; t++)
            firstFile[t] = firstFile[t - 1] + (transcripts[t - 1].Count + chunkSize - 1) / chunkSize;
        Parallel.For(0, transcripts.Count, t =>
        {
            var (start, count) = transcripts[t];
            for (var chunk = 0; chunk * chunkSize < count; chunk++)
            {
                var turns = documents.Skip(start + chunk * chunkSize).Take(Math.Min(chunkSize, count - chunk * chunkSize))
                    .Select(d => new[] { d.Anchor, d.Speaker, d.Section, d.Text }).ToArray();
                var first = documents[start];
                files[firstFile[t] + chunk] = new SearchFile(ChunkPath(t, chunk),
                    ScriptData.Call("display", $"{t}-{chunk}", ScriptData.Json(new Chunk(first.Page, first.TranscriptTitle, turns))));
            }
        });

        var turnCounts = new System.Text.StringBuilder();
        foreach (var (_, count) in transcripts) PostingEncoding.Append(turnCounts, count);
        var facets = new Facets(
            documents.Select(d => d.Speaker).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray(),
            documents.SelectMany(d => d.Topics).Distinct().Order(StringComparer.Ordinal).ToArray());
        return [.. files,
                new SearchFile(DocumentsPath, ScriptData.Call("documents", 0, ScriptData.Json(new Layout(chunkSize, turnCounts.ToString())))),
                new SearchFile(FacetsPath, ScriptData.Call("facets", 0, ScriptData.Json(facets)))];
    }

    /// <summary>Each transcript's first document number and turn count, in document order.</summary>
    static List<(int Start, int Count)> Transcripts(IReadOnlyList<SearchDocument> documents)
    {
        var transcripts = new List<(int Start, int Count)>();
        for (var d = 0; d < documents.Count; d++)
        {
            if (documents[d].Id != d)
                throw new ArgumentException($"search documents must be numbered 0..N-1 in order, found {documents[d].Id} at {d}", nameof(documents));
            if (d > 0 && documents[d].Page == documents[d - 1].Page) transcripts[^1] = (transcripts[^1].Start, transcripts[^1].Count + 1);
            else transcripts.Add((d, 1));
        }
        return transcripts;
    }

    sealed record Chunk(string Page, string Title, string[][] Turns);

    /// <summary>Turn counts as posting digits (see <see cref="PostingEncoding"/>), one number per transcript.</summary>
    sealed record Layout(int Chunk, string Turns);

    sealed record Facets(string[] Speakers, string[] Topics);
}
