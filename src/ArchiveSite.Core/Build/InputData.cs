using ArchiveSite.Archive;
using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>What the Input phase read: the registries and every transcript, plus problems with the files themselves.</summary>
/// <param name="Diagnostics">Registry and file problems; each transcript carries its own as well.</param>
public sealed record InputData(Registries Registries, IReadOnlyList<Transcript> Transcripts, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// A hash of every input file (the registries, each transcript's path, bytes and sidecar) and the program
    /// version: two builds with the same hash make the same site. Null when the transcripts were not read from
    /// files by the standard readers (then nothing may be reused on its strength).
    /// </summary>
    public string? Hash { get; init; }

    /// <summary>
    /// Each transcript's key in the <see cref="TranscriptCache"/> (its file and the program version), in the order
    /// of <see cref="Transcripts"/>; null exactly when <see cref="Hash"/> is.
    /// </summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Every diagnostic of the input, the transcripts' included, in file order.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics =>
        Diagnostics.Concat(Transcripts.SelectMany(t => t.Diagnostics));
}
