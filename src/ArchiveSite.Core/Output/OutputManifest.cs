using System.Text;
using ArchiveSite.Build;
using ArchiveSite.Model;

namespace ArchiveSite.Output;

/// <summary>
/// What the last successful build left in an output folder: every file's content hash, size and modification
/// time, the output step that wrote it and the key it was made from, and what each cached step was made from.
/// Kept in the build cache, not in the site. A file whose size or time on disk differs from here was touched.
/// </summary>
public sealed record OutputManifest(string OutputDirectory, Dictionary<string, ManifestEntry> Files, Dictionary<string, StepRecord> Steps)
{
    /// <summary>Changes whenever the layout below does, so an old manifest is never misread.</summary>
    const int FormatVersion = 2;

    /// <summary>
    /// Every folder of the site (relative, "" for the output folder itself) and its modification time when the build
    /// left it, UTC ticks: a folder whose time is unchanged has had no file added or removed since, so the next build
    /// need not list it to find files it does not know.
    /// </summary>
    public IReadOnlyDictionary<string, long> Folders { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>
    /// The manifest file for an output folder: one per folder, so builds into different folders share a cache.
    /// Binary rather than JSON: a rebuild reads and writes it whole (44,000 entries for 1,000 transcripts), and
    /// in a fresh process JSON took 0.38-0.43 s of CPU to read, this layout 0.17-0.19 s.
    /// </summary>
    public static string FileFor(string cacheDirectory, string outputDirectory) =>
        Path.Combine(cacheDirectory, "output", ContentHash.Of(Path.GetFullPath(outputDirectory)) + ".manifest");

    /// <summary>The manifest for <paramref name="outputDirectory"/>, or null when there is none or it cannot be read.</summary>
    public static OutputManifest? Load(string file, string outputDirectory)
    {
        try
        {
            var reader = new CacheBytesReader(File.ReadAllBytes(file));
            if (reader.ReadInt32() != FormatVersion || reader.ReadString() != outputDirectory)
                return null;
            // A handful of step names, each repeated by thousands of files: one string each.
            var stepNames = new StringPool();
            var files = reader.ReadDictionary(reader.ReadString, () => new ManifestEntry(reader.ReadString(),
                reader.ReadInt64(), reader.ReadInt64(), reader.ReadString(stepNames), reader.ReadOptionalString()));
            var steps = reader.ReadDictionary(reader.ReadString, () => new StepRecord(reader.ReadString(),
                reader.ReadList(() => new Diagnostic((Severity)reader.ReadInt32(), reader.ReadString(), reader.ReadInt32(), reader.ReadString()))));
            var folders = reader.ReadDictionary(reader.ReadString, reader.ReadInt64);
            return reader.AtEnd ? new OutputManifest(outputDirectory, files, steps) { Folders = folders } : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public void Save(string file)
    {
        AtomicFile.Write(file, stream =>
        {
            using var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16), Encoding.UTF8);
            writer.Write(FormatVersion);
            writer.Write(OutputDirectory);
            writer.WriteList(Files, pair =>
            {
                writer.Write(pair.Key);
                writer.Write(pair.Value.Hash);
                writer.Write(pair.Value.Length);
                writer.Write(pair.Value.Modified);
                writer.Write(pair.Value.Step);
                writer.WriteOptional(pair.Value.Key);
            });
            writer.WriteList(Steps, pair =>
            {
                writer.Write(pair.Key);
                writer.Write(pair.Value.Key);
                writer.WriteList(pair.Value.Diagnostics, diagnostic =>
                {
                    writer.Write((int)diagnostic.Severity);
                    writer.Write(diagnostic.File);
                    writer.Write(diagnostic.Line);
                    writer.Write(diagnostic.Message);
                });
            });
            writer.WriteList(Folders, pair =>
            {
                writer.Write(pair.Key);
                writer.Write(pair.Value);
            });
        });
    }
}

/// <param name="Hash">See <see cref="ContentHash"/>.</param>
/// <param name="Modified">Last write time on disk, UTC ticks.</param>
/// <param name="Step">Name of the output step that wrote the file.</param>
/// <param name="Key">What the step made the file from (e.g. a page's fingerprint); null when it gave none.</param>
public sealed record ManifestEntry(string Hash, long Length, long Modified, string Step, string? Key);

/// <summary>What a cached step's files were made from, and the diagnostics it reported then (reported again when they are kept).</summary>
public sealed record StepRecord(string Key, IReadOnlyList<Diagnostic> Diagnostics);
