namespace ArchiveSite.Ingest.Metadata;

/// <summary>A speaker as front matter or a sidecar file declares them.</summary>
/// <param name="Id">Explicit id; null means "derive it from the name".</param>
/// <param name="Labels">Labels the source uses for them besides the name (e.g. "Dr. Foster").</param>
public sealed record DeclaredSpeaker(string Name, string? Credentials, string? Id, IReadOnlyList<string> Labels, int Line);

/// <summary>A quote the source marks in its metadata; <paramref name="Speaker"/> is a name, label or id as written.</summary>
public sealed record DeclaredQuote(string Text, string? Speaker, int Line);

/// <summary>What a transcript's metadata (Markdown front matter or a caption sidecar) says about it.</summary>
public sealed record TranscriptMetadata
{
    public string? Title { get; init; }
    public string? Series { get; init; }
    public DateOnly? Date { get; init; }
    public string? Episode { get; init; }
    public IReadOnlyList<DeclaredSpeaker> Speakers { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<DeclaredQuote> Quotes { get; init; } = [];
}
