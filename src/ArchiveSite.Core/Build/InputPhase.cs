using System.Buffers;
using ArchiveSite.Archive;
using ArchiveSite.Ingest;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Text;

namespace ArchiveSite.Build;

/// <summary>Reads one transcript file; never throws (problems become the transcript's diagnostics).</summary>
/// <param name="sourcePath">The path relative to the input folder, as diagnostics and slugs should show it.</param>
/// <param name="file">The file on disk.</param>
public delegate Transcript TranscriptReading(string sourcePath, string file);

/// <summary>Phase 1: read the registries and every transcript under <c>transcripts/</c>, in parallel.</summary>
public static class InputPhase
{
    public const string TranscriptsFolder = "transcripts";

    static readonly HashSet<string> TranscriptExtensions = new([".md", ".markdown", ".txt", ".vtt", ".srt"], StringComparer.OrdinalIgnoreCase);
    static readonly HashSet<string> SidecarExtensions = new([".yml", ".yaml"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a transcript file with the format readers, with its caption sidecar when it has one.</summary>
    public static Transcript ReadFile(string sourcePath, string file) =>
        TranscriptReader.Read(sourcePath, File.ReadAllBytes(file), TranscriptReader.ReadSidecar(file));

    /// <summary>Reads through the cache of parsed transcripts: only files whose bytes (or sidecar) changed are parsed.</summary>
    /// <param name="hashes">
    /// The content hash of input files by relative path, when the caller has just hashed them (see <see cref="BuildInputs"/>):
    /// a transcript the cache holds under its key is then not read at all.
    /// </param>
    public static InputData Run(string inputDirectory, TranscriptCache cache, BuildProgress? progress = null,
        IReadOnlyDictionary<string, string>? hashes = null)
    {
        var input = Run(inputDirectory, (relative, file) => ReadCached(relative, file, cache, hashes), progress);
        cache.Save();
        return input;
    }

    /// <summary>Reads with <paramref name="read"/>; the result has no <see cref="InputData.Hash"/>, since what the reader does is unknown.</summary>
    public static InputData Run(string inputDirectory, TranscriptReading read, BuildProgress? progress = null) =>
        Run(inputDirectory, (relative, file) => (read(relative, file), null), progress);

    /// <remarks>
    /// The file is read into a pooled buffer: a rebuild reads every transcript only to hash it, and 1,000 new arrays
    /// of 43 KB each were 42 MB of short-lived garbage, collected while the transcripts decoded from the cache piled up.
    /// </remarks>
    static (Transcript Transcript, string? Key) ReadCached(string relative, string file, TranscriptCache cache, IReadOnlyDictionary<string, string>? hashes)
    {
        if (hashes is not null && hashes.TryGetValue(relative, out var hash)
            && TranscriptCache.Key(relative, hash, TranscriptReader.ReadSidecar(file)) is var known && cache.Get(known) is { } kept)
            return (kept, known);
        // Not kept: the file is read and its key taken from the bytes read, so the parsed transcript is kept under its own bytes even when the file changed since it was hashed.
        using var handle = File.OpenHandle(file);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
            throw new IOException("the file is too big to be a transcript");
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var bytes = buffer.AsSpan(0, FileReading.ReadFully(handle, buffer.AsSpan(0, (int)length)));
            var sidecar = TranscriptReader.ReadSidecar(file);
            var key = TranscriptCache.Key(relative, bytes, sidecar);
            if (cache.Get(key) is { } cached)
                return (cached, key);
            var transcript = TranscriptReader.Read(relative, bytes, sidecar);
            cache.Put(key, transcript);
            return (transcript, key);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static InputData Run(string inputDirectory, Func<string, string, (Transcript Transcript, string? Key)> read, BuildProgress? progress)
    {
        var diagnostics = new List<Diagnostic>();
        if (!Directory.Exists(inputDirectory))
            return new InputData(Registries.Empty, [],
                [new Diagnostic(Severity.Error, inputDirectory, 1, "the input folder does not exist")]);

        var registries = RegistryLoader.Load(inputDirectory);
        diagnostics.AddRange(registries.Diagnostics);

        var files = TranscriptFiles(inputDirectory, diagnostics);
        // Arrays by file, sorted by path with the keys alongside: a bag and OrderBy of (transcript, key) tuples were
        // JIT-compiled in every fresh process (about 30 generic methods over the tuple).
        var paths = new string[files.Count];
        var transcripts = new Transcript[files.Count];
        var keys = new string?[files.Count];
        var counter = new ProgressCounter(progress, "input", files.Count);
        Parallel.For(0, files.Count, i =>
        {
            var relative = Path.GetRelativePath(inputDirectory, files[i]).Replace('\\', '/');
            (transcripts[i], keys[i]) = Read(files[i], relative, read);
            paths[i] = transcripts[i].SourcePath;
            counter.Done();
        });
        // Paths of files are unique, so both sorts put transcripts and keys in the same order, the one a stable sort gives.
        Array.Sort((string[])paths.Clone(), keys, StringComparer.Ordinal);
        Array.Sort(paths, transcripts, StringComparer.Ordinal);
        diagnostics.AddRange(DuplicateSlugs(transcripts));
        var allKeyed = Array.TrueForAll(keys, key => key is not null);
        var hash = allKeyed ? ContentHash.OfParts([ProgramVersion.Hash, .. RegistryHashes(inputDirectory), .. keys!]) : null;
        return new InputData(registries, transcripts, diagnostics) { Hash = hash, Keys = allKeyed ? [.. keys!] : null };
    }

    static (Transcript, string?) Read(string file, string relative, Func<string, string, (Transcript, string?)> read)
    {
        try
        {
            return read(relative, file);
        }
        catch (IOException e)
        {
            return (Unreadable(relative, e.Message), null);
        }
        catch (UnauthorizedAccessException e)
        {
            return (Unreadable(relative, e.Message), null);
        }
    }

    static IEnumerable<string> RegistryHashes(string inputDirectory) =>
        new[] { RegistryLoader.SiteFile, RegistryLoader.SpeakersFile, RegistryLoader.TopicsFile }.Select(name =>
        {
            var path = Path.Combine(inputDirectory, name);
            return File.Exists(path) ? ContentHash.Of(File.ReadAllBytes(path)) : "\0";
        });

    static Transcript Unreadable(string relative, string reason) => new()
    {
        SourcePath = relative,
        Slug = Slug.From(Path.GetFileNameWithoutExtension(relative)),
        Diagnostics = [new Diagnostic(Severity.Error, relative, 1, "the file cannot be read: " + reason)],
    };

    static List<string> TranscriptFiles(string inputDirectory, List<Diagnostic> diagnostics)
    {
        var folder = Path.Combine(inputDirectory, TranscriptsFolder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, TranscriptsFolder, 1, "there is no transcripts folder; the site will have no transcripts"));
            return [];
        }
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.'))
                continue;
            if (TranscriptExtensions.Contains(Path.GetExtension(name)))
                files.Add(file);
            else if (IsCaptionSidecar(file))
                continue;
            else
                diagnostics.Add(new Diagnostic(Severity.Info, Path.GetRelativePath(inputDirectory, file).Replace('\\', '/'), 1,
                    "not a transcript format (.md, .txt, .vtt, .srt); left out"));
        }
        return files;
    }

    /// <summary>Metadata beside a caption file (<c>talk.yml</c> for <c>talk.vtt</c>), which its reader reads with it.</summary>
    static bool IsCaptionSidecar(string file) =>
        SidecarExtensions.Contains(Path.GetExtension(file))
        && (File.Exists(Path.ChangeExtension(file, ".vtt")) || File.Exists(Path.ChangeExtension(file, ".srt")));

    static IEnumerable<Diagnostic> DuplicateSlugs(IEnumerable<Transcript> transcripts) =>
        transcripts.GroupBy(t => t.Slug, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(t => new Diagnostic(Severity.Error, t.SourcePath, 1,
                $"its page name '{g.Key}' is already taken by {g.First().SourcePath}; give one of them another slug or file name")));
}
