namespace ArchiveSite.Archive;

/// <summary>
/// Someone who speaks in the archive: from <c>speakers.yml</c> when a transcript's speaker resolves to an entry
/// there, otherwise as the transcript names them. The cross-transcript lists are filled by PostProcess.
/// </summary>
public sealed record Person(string Id, string Name, string? Credentials, string? Bio, IReadOnlyList<string> Aliases, bool InRegistry)
{
    /// <summary>Every transcript the person speaks in, newest first.</summary>
    public IReadOnlyList<Appearance> Appearances { get; init; } = [];

    public IReadOnlyList<string> QuoteIds { get; init; } = [];

    /// <summary>Topics by the number of this person's turns that discuss them, most first.</summary>
    public IReadOnlyList<Tally> TopTopics { get; init; } = [];
}

/// <summary>How much one person says in one transcript.</summary>
public sealed record Appearance(string TranscriptSlug, int Turns, int Words);

/// <summary>An id with a count, for "most discussed" style lists.</summary>
public sealed record Tally(string Id, int Count);
