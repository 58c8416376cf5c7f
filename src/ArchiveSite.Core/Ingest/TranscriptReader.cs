using ArchiveSite.Ingest.Captions;
using ArchiveSite.Ingest.Decoding;
using ArchiveSite.Ingest.Markdown;
using ArchiveSite.Ingest.RawText;
using ArchiveSite.Model;

namespace ArchiveSite.Ingest;

/// <summary>
/// The one entry point for reading a transcript: decode the bytes, pick the reader, never throw. Every
/// problem with the input ends up as a diagnostic on the returned transcript.
/// </summary>
public static class TranscriptReader
{
    /// <summary>Extensions of the sidecar metadata file a caption file may have beside it.</summary>
    public static readonly string[] SidecarExtensions = [".yml", ".yaml"];

    /// <param name="sourcePath">Path as it should appear in diagnostics; its name gives the slug and the format.</param>
    /// <param name="sidecar">Metadata for caption files (<c>talk.yml</c> beside <c>talk.vtt</c>).</param>
    /// <param name="timings">Collects the cost of each pass, for the read benchmark.</param>
    public static Transcript Read(string sourcePath, ReadOnlySpan<byte> bytes, Sidecar? sidecar = null, ReadTimings? timings = null)
    {
        var clock = new PassClock(timings);
        var decoded = TextDecoder.Decode(sourcePath, bytes);
        clock.Lap("decode");
        if (decoded.Text is null)
            return Empty(sourcePath, decoded.Diagnostics);

        Transcript transcript;
        try
        {
            transcript = TranscriptFormats.Detect(sourcePath, decoded.Text) switch
            {
                TranscriptFormat.Markdown => MarkdownReader.Read(sourcePath, decoded.Text),
                TranscriptFormat.WebVtt => WebVttReader.Read(sourcePath, decoded.Text, sidecar),
                TranscriptFormat.Srt => SrtReader.Read(sourcePath, decoded.Text, sidecar),
                _ => RawTextReader.Read(sourcePath, decoded.Text, timings),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader bug must not take the whole build down; the maintainer sees it on this file.
            return Empty(sourcePath, [.. decoded.Diagnostics,
                new Diagnostic(Severity.Error, sourcePath, 1, $"the reader failed on this file ({e.GetType().Name}: {e.Message})")]);
        }
        return decoded.Diagnostics.Count == 0
            ? transcript
            : transcript with { Diagnostics = [.. decoded.Diagnostics, .. transcript.Diagnostics] };
    }

    /// <summary>Reads a file from disk, with its sidecar metadata when there is one.</summary>
    public static Transcript ReadFile(string path, ReadTimings? timings = null)
    {
        try
        {
            return Read(path, File.ReadAllBytes(path), ReadSidecar(path), timings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty(path, [new Diagnostic(Severity.Error, path, 1, $"the file cannot be read ({e.Message})")]);
        }
    }

    /// <summary>The sidecar metadata of a caption file (<c>talk.yml</c> or <c>talk.yaml</c> beside <c>talk.vtt</c>).</summary>
    public static Sidecar? ReadSidecar(string captionPath)
    {
        if (Path.GetExtension(captionPath).ToLowerInvariant() is not (".vtt" or ".srt"))
            return null;
        foreach (var extension in SidecarExtensions)
        {
            var sidecar = Path.ChangeExtension(captionPath, extension);
            if (File.Exists(sidecar))
                return new Sidecar(sidecar, File.ReadAllText(sidecar));
        }
        return null;
    }

    static Transcript Empty(string sourcePath, IReadOnlyList<Diagnostic> diagnostics) => new()
    {
        SourcePath = sourcePath,
        Slug = TranscriptBuilder.SlugFor(sourcePath),
        Diagnostics = diagnostics,
    };
}
