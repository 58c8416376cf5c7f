using ArchiveSite.Archive;
using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>What the Input phase read: the registries and every transcript, plus problems with the files themselves.</summary>
/// <param name="Diagnostics">Registry and file problems; each transcript carries its own as well.</param>
public sealed record InputData(Registries Registries, IReadOnlyList<Transcript> Transcripts, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Every diagnostic of the input, the transcripts' included, in file order.</summary>
    public IEnumerable<Diagnostic> AllDiagnostics =>
        Diagnostics.Concat(Transcripts.SelectMany(t => t.Diagnostics));
}
