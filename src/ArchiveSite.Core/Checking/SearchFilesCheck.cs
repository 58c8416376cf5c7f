using System.Text.Json;

namespace ArchiveSite.Checking;

/// <summary>
/// The search page loads shards and their group files by number from the manifest (search/manifest.js
/// gives shardCount and one separator per group; shard N is search/sN.js, group G is search/gG.js), so no
/// HTML link points at them: check that every file the manifest implies exists.
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
        int shards, groups;
        try
        {
            using var json = JsonDocument.Parse(start >= 0 && end > start ? text[start..(end + 1)] : "");
            shards = json.RootElement.GetProperty("shardCount").GetInt32();
            groups = json.RootElement.GetProperty("groups").GetArrayLength();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return [new SiteProblem(Manifest, "cannot read the shard list: " + e.Message)];
        }
        return Enumerable.Range(0, groups).Select(n => $"search/g{n}.js")
            .Concat(Enumerable.Range(0, shards).Select(n => $"search/s{n}.js"))
            .Where(file => !files.Contains(file))
            .Select(file => new SiteProblem(Manifest, $"lists {file}, which does not exist"))
            .ToList();
    }
}
