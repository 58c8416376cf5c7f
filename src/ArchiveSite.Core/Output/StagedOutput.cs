using System.Collections.Concurrent;

namespace ArchiveSite.Output;

/// <summary>
/// Writes a build into a staging folder beside the output folder, and swaps it in by renaming only when
/// the whole build succeeded, so a failed build leaves the last good output as it was.
/// </summary>
public sealed class StagedOutput : IOutputWriter, IDisposable
{
    readonly ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);
    bool _committed;

    public StagedOutput(string outputDirectory)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory);
        StagingDirectory = OutputDirectory + ".staging";
        if (Directory.Exists(StagingDirectory))
            Directory.Delete(StagingDirectory, recursive: true);
        Directory.CreateDirectory(StagingDirectory);
    }

    public string OutputDirectory { get; }
    public string StagingDirectory { get; }

    /// <summary>Paths written so far, relative to the site root.</summary>
    public IReadOnlyCollection<string> Written => (IReadOnlyCollection<string>)_written.Keys;

    public void Write(string relativePath, ReadOnlySpan<byte> bytes)
    {
        using var file = Create(relativePath);
        file.Write(bytes);
    }

    public void Write(string relativePath, Action<Stream> write)
    {
        using var file = Create(relativePath);
        write(file);
    }

    FileStream Create(string relativePath)
    {
        OutputPaths.Validate(relativePath);
        if (!_written.TryAdd(relativePath, 0))
            throw new InvalidOperationException($"two output steps both write '{relativePath}'");
        var path = Path.Combine(StagingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
    }

    /// <summary>Replaces the output folder with the staged one.</summary>
    public void Commit()
    {
        var previous = OutputDirectory + ".previous";
        if (Directory.Exists(previous))
            Directory.Delete(previous, recursive: true);
        if (Directory.Exists(OutputDirectory))
            Directory.Move(OutputDirectory, previous);
        Directory.Move(StagingDirectory, OutputDirectory);
        _committed = true;
        if (Directory.Exists(previous))
            Directory.Delete(previous, recursive: true);
    }

    /// <summary>Throws the staging folder away unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory))
            Directory.Delete(StagingDirectory, recursive: true);
    }
}
