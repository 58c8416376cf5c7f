using System.Text.Json.Serialization;

namespace ArchiveSite.Search;

/// <summary>
/// The types <see cref="ScriptData.Json{T}"/> serialises, their JSON metadata generated at compile time: a fresh
/// process's first reflection-based serialisation cost about 0.13 s of a one-change rebuild (reflection and JIT).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(DisplayWriter.Chunk))]
[JsonSerializable(typeof(DisplayWriter.Facets))]
[JsonSerializable(typeof(ShardWriter.Manifest))]
[JsonSerializable(typeof(Dictionary<string, TopResultsWriter.TopEntry>))]
sealed partial class SearchJson : JsonSerializerContext;
