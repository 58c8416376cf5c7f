using ArchiveSite.Archive;
using ArchiveSite.Model;
using ArchiveSite.Text;

namespace ArchiveSite.Build;

/// <summary>
/// Phase 2, per transcript and in parallel: resolve speakers to people, find topics (declared, and matched by
/// the terms of <c>topics.yml</c>), give quotes their ids. Nothing here looks at another transcript.
/// </summary>
public sealed class ProcessPhase(Registries registries)
{
    /// <summary>Term occurrences a transcript needs before a topic it does not declare is given to it.</summary>
    public const int MinimumTopicHits = 2;

    readonly SpeakerResolver _speakers = new(registries.People);
    readonly TopicCatalog _topics = new(registries.Topics);
    readonly TopicMatcher _matcher = new(registries.Topics);

    /// <param name="cacheDirectory">
    /// Where to keep what Process made of each transcript across builds (<see cref="ProcessedCache"/>); only
    /// used when the input has <see cref="InputData.Keys"/>.
    /// </param>
    public static IReadOnlyList<ArchivedTranscript> Run(InputData input, BuildProgress? progress = null, string? cacheDirectory = null)
    {
        var phase = new ProcessPhase(input.Registries);
        var cache = cacheDirectory is not null && input.Keys is not null ? new ProcessedCache(cacheDirectory, input.Registries) : null;
        var counter = new ProgressCounter(progress, "process", input.Transcripts.Count);
        // Parallel.For rather than PLINQ: a fresh process JIT-compiles PLINQ's generic operators for each element type.
        var processed = new ArchivedTranscript[input.Transcripts.Count];
        Parallel.For(0, processed.Length, i =>
        {
            var transcript = input.Transcripts[i];
            processed[i] = cache is null ? phase.Process(transcript) : phase.Cached(transcript, cache.Key(input.Keys![i]), cache);
            counter.Done();
        });
        cache?.Save();
        return processed;
    }

    ArchivedTranscript Cached(Transcript transcript, string key, ProcessedCache cache)
    {
        if (cache.Get(key, transcript) is { } kept)
            return kept with { Key = key };
        var made = Process(transcript);
        cache.Put(key, made);
        return made with { Key = key, StemCounts = cache.Numbered(made.StemCounts) };
    }

    /// <summary>
    /// The topics with enough hits, or declared, by hits (most first), then id. A sort of the ids with one comparison, not
    /// LINQ over (id, hits) tuples, whose code a fresh process JIT-compiled.
    /// </summary>
    static List<string> MatchedTopics(Dictionary<string, List<(int Turn, string PersonId, int Words, TopicHit Hit, string Text)>> hitsByTopic,
        List<string> declared)
    {
        var hitsOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, hits) in hitsByTopic)
        {
            var total = 0;
            foreach (var hit in hits)
                total += hit.Hit.Hits;
            if (total >= MinimumTopicHits || declared.Contains(id))
                hitsOf[id] = total;
        }
        var matched = new List<string>(hitsOf.Keys);
        matched.Sort((a, b) => hitsOf[a] != hitsOf[b] ? hitsOf[b].CompareTo(hitsOf[a]) : string.CompareOrdinal(a, b));
        return matched;
    }

    public ArchivedTranscript Process(Transcript transcript)
    {
        var personIds = ResolveSpeakers(transcript);
        var stemCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var hitsByTopic = new Dictionary<string, List<(int Turn, string PersonId, int Words, TopicHit Hit, string Text)>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var turn in transcript.Turns)
        {
            number++;
            var text = string.Join('\n', turn.Paragraphs);
            var stems = WordStems.Of(text);
            foreach (var stem in stems)
                stemCounts[stem] = stemCounts.GetValueOrDefault(stem) + 1;
            foreach (var hit in _matcher.Match(stems))
            {
                if (!hitsByTopic.TryGetValue(hit.TopicId, out var list))
                    hitsByTopic[hit.TopicId] = list = [];
                list.Add((number, personIds.GetValueOrDefault(turn.SpeakerId, turn.SpeakerId), stems.Count, hit, text));
            }
        }

        var declared = transcript.Topics.Select(t => _topics.Resolve(t).Id).Distinct(StringComparer.Ordinal).ToList();
        var matched = MatchedTopics(hitsByTopic, declared);
        var topicIds = matched.Concat(declared.Where(d => !matched.Contains(d))).ToList();

        var passages = topicIds
            .Where(hitsByTopic.ContainsKey)
            .SelectMany(id => hitsByTopic[id].Select(h => new Passage(id, transcript.Slug, h.Turn, h.PersonId, h.Hit.Hits,
                PassageScore(h.Hit.Hits, h.Words), Excerpt.Around(h.Text, h.Hit.FirstStem))))
            .ToList();

        return new ArchivedTranscript
        {
            Source = transcript,
            Title = transcript.Title ?? TitleFromFileName(transcript.SourcePath),
            SeriesId = string.IsNullOrWhiteSpace(transcript.Series) ? null : Slug.From(transcript.Series),
            PersonIdBySpeaker = personIds,
            TopicIds = topicIds,
            Passages = passages,
            Quotes = QuotesOf(transcript, personIds),
            Speaking = SpokenTurns.Of(transcript, personIds),
            StemCounts = stemCounts,
        };
    }

    Dictionary<string, string> ResolveSpeakers(Transcript transcript)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var speaker in transcript.Speakers)
            ids.TryAdd(speaker.Id, _speakers.Resolve(speaker)?.Id ?? speaker.Id);
        return ids;
    }

    /// <summary>More occurrences rank higher; a long turn needs more of them than a short one to rank as high.</summary>
    static double PassageScore(int hits, int words) => Math.Round(hits / Math.Sqrt(words + 25.0), 6);

    static List<ArchivedQuote> QuotesOf(Transcript transcript, Dictionary<string, string> personIds)
    {
        var quotes = new List<ArchivedQuote>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var quote in transcript.Quotes)
        {
            var id = ArchivedQuote.IdFor(transcript.Slug, quote.Text);
            if (!ids.Add(id))
                continue;
            var personId = quote.SpeakerId is null ? null : personIds.GetValueOrDefault(quote.SpeakerId, quote.SpeakerId);
            quotes.Add(new ArchivedQuote(id, quote.Text, transcript.Slug, personId, quote.Section, quote.Turn, quote.Line));
        }
        return quotes;
    }

    static string TitleFromFileName(string path)
    {
        var words = Path.GetFileNameWithoutExtension(path).Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? path : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
