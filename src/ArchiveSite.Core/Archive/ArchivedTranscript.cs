using ArchiveSite.Model;

namespace ArchiveSite.Archive;

/// <summary>
/// A transcript as the archive knows it: the reader's <see cref="Transcript"/> plus its speakers resolved to
/// people, its topics, quotes with ids, and (after PostProcess) its neighbours in the archive.
/// </summary>
public sealed record ArchivedTranscript
{
    public required Transcript Source { get; init; }
    public string Slug => Source.Slug;

    /// <summary>The title to show: the source's, or one made from the file name.</summary>
    public required string Title { get; init; }

    public string? SeriesId { get; init; }

    /// <summary>Transcript speaker id to <see cref="Person.Id"/>.</summary>
    public required IReadOnlyDictionary<string, string> PersonIdBySpeaker { get; init; }

    /// <summary>Declared and matched topics, the most discussed first.</summary>
    public required IReadOnlyList<string> TopicIds { get; init; }

    /// <summary>Turns where topics' terms occur, for the topics this transcript has.</summary>
    public required IReadOnlyList<Passage> Passages { get; init; }

    public required IReadOnlyList<ArchivedQuote> Quotes { get; init; }

    /// <summary>Who speaks, with how many turns and words, in the order of their first turns.</summary>
    public required IReadOnlyList<SpokenTurns> Speaking { get; init; }

    /// <summary>How often each word stem occurs; what "distinctive terms" of related transcripts are made of.</summary>
    /// <remarks>
    /// Each stem once. A collection, not a dictionary: nothing looks a stem up, and a rebuild reads the stems of every
    /// transcript from the cache (1.2 million for 1,000 transcripts), where hashing each into a dictionary cost more than reading it.
    /// </remarks>
    public required IReadOnlyCollection<KeyValuePair<string, int>> StemCounts { get; init; }

    /// <summary>
    /// A hash of everything Process made this from (the transcript's file, the program version, the registries);
    /// null when that is not known. What is made of this transcript alone can be fingerprinted by it.
    /// </summary>
    public string? Key { get; init; }

    public string? PreviousSlug { get; init; }
    public string? NextSlug { get; init; }
    public IReadOnlyList<string> RelatedSlugs { get; init; } = [];

    public string PersonIdOf(Turn turn) => PersonIdBySpeaker.GetValueOrDefault(turn.SpeakerId, turn.SpeakerId);
}
