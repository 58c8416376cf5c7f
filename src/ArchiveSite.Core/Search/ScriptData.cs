using System.Text.Json;

namespace ArchiveSite.Search;

/// <summary>
/// Search data as a classic script that hands its payload to ArchiveSearch.loaded, so the page can load it
/// with a script element from file:// (no fetch). The payload is JSON with the default encoder, which
/// escapes '&lt;', '&gt;', '&amp;', quotes and everything outside ASCII, so transcript text cannot end the script.
/// </summary>
public static class ScriptData
{
    public static string Call(string kind, int id, string payloadJson) =>
        $"ArchiveSearch.loaded({JsonSerializer.Serialize(kind)},{id},{payloadJson});\n";

    public static string Call(string kind, string id, string payloadJson) =>
        $"ArchiveSearch.loaded({JsonSerializer.Serialize(kind)},{JsonSerializer.Serialize(id)},{payloadJson});\n";

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, Options);

    static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
