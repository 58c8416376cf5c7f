namespace ArchiveSite.Archive;

/// <summary>
/// Everything known across transcripts, built once by PostProcess and only read afterwards: what every page,
/// the search index, the quote cards and the download are made from. Lists are in a stable order.
/// </summary>
public sealed class TranscriptArchive
{
    readonly Dictionary<string, ArchivedTranscript> _transcripts;
    readonly Dictionary<string, Person> _people;
    readonly Dictionary<string, Topic> _topics;
    readonly Dictionary<string, Series> _series;
    readonly Dictionary<string, ArchivedQuote> _quotes;

    public TranscriptArchive(SiteSettings site, IEnumerable<ArchivedTranscript> transcripts, IEnumerable<Person> people,
        IEnumerable<Topic> topics, IEnumerable<Series> series)
    {
        Site = site;
        Transcripts = [.. transcripts.OrderBy(t => t.Slug, StringComparer.Ordinal)];
        Latest = NewestFirst(Transcripts);
        People = [.. people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal)];
        Topics = [.. topics.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Id, StringComparer.Ordinal)];
        Series = [.. series.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal)];
        Quotes = [.. Transcripts.SelectMany(t => t.Quotes)];
        _transcripts = Transcripts.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        _people = People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _topics = Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _series = Series.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _quotes = Quotes.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Newest first (undated last), then by slug. A sort of the class with a comparison (slugs are unique, so the order is
    /// total): the framework's shared code for it is precompiled, where OrderBy over a DateOnly key was JIT-compiled in
    /// every fresh process.
    /// </summary>
    internal static List<ArchivedTranscript> NewestFirst(IReadOnlyList<ArchivedTranscript> transcripts)
    {
        var latest = new List<ArchivedTranscript>(transcripts);
        latest.Sort((a, b) =>
        {
            var byDate = (b.Source.Date ?? DateOnly.MinValue).CompareTo(a.Source.Date ?? DateOnly.MinValue);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.Slug, b.Slug);
        });
        return latest;
    }

    public SiteSettings Site { get; }

    /// <summary>By slug.</summary>
    public IReadOnlyList<ArchivedTranscript> Transcripts { get; }

    /// <summary>Newest first (undated last), then by slug.</summary>
    public IReadOnlyList<ArchivedTranscript> Latest { get; }

    /// <summary>By name.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>By name.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>By name.</summary>
    public IReadOnlyList<Series> Series { get; }

    /// <summary>By transcript slug, then in the transcript's order.</summary>
    public IReadOnlyList<ArchivedQuote> Quotes { get; }

    public ArchivedTranscript Transcript(string slug) => _transcripts[slug];
    public Person Person(string id) => _people[id];
    public Topic Topic(string id) => _topics[id];
    public Series SeriesById(string id) => _series[id];
    public ArchivedQuote Quote(string id) => _quotes[id];
    public bool HasPerson(string id) => _people.ContainsKey(id);
}
