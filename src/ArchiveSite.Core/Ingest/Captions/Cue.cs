namespace ArchiveSite.Ingest.Captions;

/// <summary>One caption cue: its timing (when the file gives a readable one) and its text lines as written.</summary>
/// <param name="Line">Source line of the cue's first text line.</param>
internal sealed record Cue(TimeSpan? Start, TimeSpan? End, IReadOnlyList<string> Lines, int Line);
