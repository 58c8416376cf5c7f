namespace ArchiveSite.Archive;

/// <summary>Transcripts that name the same series, in broadcast order.</summary>
public sealed record Series(string Id, string Name, IReadOnlyList<string> TranscriptSlugs);
