namespace ArchiveSite.Search;

/// <summary>
/// What a result shows (transcript title and page, speaker, section, the turn's words for the snippet),
/// in files of <c>chunkSize</c> consecutive documents (search/d{N}.js holds documents N*size ..), so showing
/// a page of results loads a few small files and nothing else; plus search/facets.js, the speaker and topic
/// names the filters offer, loaded only when the filters are opened.
/// </summary>
public static class DisplayWriter
{
    public static string ChunkPath(int chunk) => $"{ShardWriter.Folder}/d{chunk}.js";

    public static string FacetsPath => $"{ShardWriter.Folder}/facets.js";

    public static IReadOnlyList<SearchFile> Write(IReadOnlyList<SearchDocument> documents, int chunkSize)
    {
        if (chunkSize <= 0) throw new ArgumentOutOfRangeException(nameof(chunkSize), "display chunks need a positive size");
        var files = new List<SearchFile>();
        for (var start = 0; start < documents.Count; start += chunkSize)
        {
            var chunk = documents.Skip(start).Take(chunkSize).ToArray();
            var pages = chunk.Select(d => (d.Page, d.TranscriptTitle)).Distinct().ToList();
            var payload = new Chunk(
                pages.Select(p => new[] { p.Page, p.TranscriptTitle }).ToArray(),
                chunk.Select(d => new object[] { pages.IndexOf((d.Page, d.TranscriptTitle)), d.Anchor, d.Speaker, d.Section, d.Text }).ToArray());
            files.Add(new SearchFile(ChunkPath(start / chunkSize), ScriptData.Call("display", start / chunkSize, ScriptData.Json(payload))));
        }

        var facets = new Facets(
            documents.Select(d => d.Speaker).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray(),
            documents.SelectMany(d => d.Topics).Distinct().Order(StringComparer.Ordinal).ToArray());
        files.Add(new SearchFile(FacetsPath, ScriptData.Call("facets", 0, ScriptData.Json(facets))));
        return files;
    }

    sealed record Chunk(string[][] Pages, object[][] Turns);

    sealed record Facets(string[] Speakers, string[] Topics);
}
