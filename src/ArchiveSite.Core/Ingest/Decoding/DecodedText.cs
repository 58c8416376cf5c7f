using ArchiveSite.Model;

namespace ArchiveSite.Ingest.Decoding;

/// <summary>A source file's text with line endings normalised to "\n", or null when it is not readable text.</summary>
/// <param name="EncodingName">"utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "windows-1252".</param>
public sealed record DecodedText(string? Text, string EncodingName, IReadOnlyList<Diagnostic> Diagnostics);
