using System.Text.Json;

namespace ArchiveSite.Checking;

/// <summary>
/// The search page loads shards by name from the manifest (search/manifest.js lists each shard's first
/// term; shard N is search/sN.js), so no HTML link points at them: check the manifest's shards exist.
/// </summary>
static class SearchFilesCheck
{
    const string Manifest = "search/manifest.js";

    public static IEnumerable<SiteProblem> Check(string root, IReadOnlySet<string> files)
    {
        if (!files.Contains(Manifest))
            return [];
        var text = File.ReadAllText(Path.Combine(root, Manifest));
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        int shards;
        try
        {
            using var json = JsonDocument.Parse(start >= 0 && end > start ? text[start..(end + 1)] : "");
            shards = json.RootElement.GetProperty("shards").GetArrayLength();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [new SiteProblem(Manifest, "cannot read the shard list: " + e.Message)];
        }
        return Enumerable.Range(0, shards)
            .Select(n => $"search/s{n}.js")
            .Where(shard => !files.Contains(shard))
            .Select(shard => new SiteProblem(Manifest, $"lists {shard}, which does not exist"))
            .ToList();
    }
}
