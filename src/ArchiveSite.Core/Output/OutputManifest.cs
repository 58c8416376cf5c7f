using System.Text.Json;

namespace ArchiveSite.Output;

/// <summary>
/// What the last successful build left in an output folder: every file's content hash, size and modification
/// time, the output step that wrote it and the key it was made from, and what each cached step was made from.
/// Kept in the build cache, not in the site. A file whose size or time on disk differs from here was touched.
/// </summary>
public sealed record OutputManifest(string OutputDirectory, Dictionary<string, ManifestEntry> Files, Dictionary<string, StepRecord> Steps)
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>The manifest file for an output folder: one per folder, so builds into different folders share a cache.</summary>
    public static string FileFor(string cacheDirectory, string outputDirectory) =>
        Path.Combine(cacheDirectory, "output", ContentHash.Of(Path.GetFullPath(outputDirectory)) + ".json");

    /// <summary>The manifest for <paramref name="outputDirectory"/>, or null when there is none or it cannot be read.</summary>
    public static OutputManifest? Load(string file, string outputDirectory)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<OutputManifest>(File.ReadAllBytes(file), Options);
            return manifest is { Files: not null, Steps: not null } && manifest.OutputDirectory == outputDirectory ? manifest : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Save(string file) => AtomicFile.Write(file, stream => JsonSerializer.Serialize(stream, this, Options));
}

/// <param name="Hash">See <see cref="ContentHash"/>.</param>
/// <param name="Modified">Last write time on disk, UTC ticks.</param>
/// <param name="Step">Name of the output step that wrote the file.</param>
/// <param name="Key">What the step made the file from (e.g. a page's fingerprint); null when it gave none.</param>
public sealed record ManifestEntry(string Hash, long Length, long Modified, string Step, string? Key);

/// <summary>What a cached step's files were made from, and the diagnostics it reported then (reported again when they are kept).</summary>
public sealed record StepRecord(string Key, IReadOnlyList<Model.Diagnostic> Diagnostics);
