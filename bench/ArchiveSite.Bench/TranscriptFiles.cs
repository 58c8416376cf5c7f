using ArchiveSite.Ingest;

namespace ArchiveSite.Bench;

static class TranscriptFiles
{
    /// <summary>Every transcript under <paramref name="folder"/> (caption sidecars left out), in a stable order.</summary>
    public static string[] Under(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !TranscriptReader.SidecarExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
