namespace ArchiveSite.Archive;

/// <summary>A subject followed across transcripts; the cross-transcript lists are filled by PostProcess.</summary>
public sealed record Topic(string Id, string Name, string? Description, IReadOnlyList<string> Terms)
{
    /// <summary>Turns that discuss the topic, best first.</summary>
    public IReadOnlyList<Passage> Passages { get; init; } = [];

    /// <summary>Transcripts that have the topic, the ones that discuss it most first.</summary>
    public IReadOnlyList<string> TranscriptSlugs { get; init; } = [];

    /// <summary>People by the number of passages in which they discuss the topic, most first.</summary>
    public IReadOnlyList<Tally> TopSpeakers { get; init; } = [];

    /// <summary>Topics that share the most transcripts with this one.</summary>
    public IReadOnlyList<Tally> Related { get; init; } = [];
}

/// <summary>One turn where a topic's terms occur.</summary>
/// <param name="Turn">1-based turn number in the transcript (anchor <c>t-N</c>).</param>
/// <param name="Hits">How many times the topic's terms occur in the turn.</param>
/// <param name="Excerpt">A few words around the first occurrence, plain text.</param>
public sealed record Passage(string TopicId, string TranscriptSlug, int Turn, string PersonId, int Hits, double Score, string Excerpt);
