using ArchiveSite.Model;

namespace ArchiveSite.Archive;

/// <summary>
/// The cross-transcript work, done once: people with their appearances, quotes and topics; topics with
/// their passages and speakers; series in order with previous and next; related transcripts.
/// </summary>
public static class ArchiveLinker
{
    const int TopTopicsPerPerson = 5;
    const int RelatedTopicsPerTopic = 5;

    public static TranscriptArchive Link(Registries registries, IReadOnlyList<ArchivedTranscript> processed)
    {
        var transcripts = processed.OrderBy(t => t.Slug, StringComparer.Ordinal).ToList();
        var series = SeriesOf(transcripts);
        transcripts = WithNeighbours(transcripts, series);
        // People and topics read nothing that relating transcripts adds, so they are made meanwhile: much of their
        // work is on one core.
        var newestFirst = TranscriptArchive.NewestFirst(transcripts);
        var people = Task.Run(() => PeopleOf(registries, newestFirst));
        var topics = Task.Run(() => TopicsOf(registries, transcripts));
        var related = RelatedTranscripts.Add(transcripts);
        return new TranscriptArchive(registries.Site, related, people.Result, topics.Result, series);
    }

    static List<Series> SeriesOf(IEnumerable<ArchivedTranscript> transcripts) =>
        transcripts.Where(t => t.SeriesId is not null)
            .GroupBy(t => t.SeriesId!, StringComparer.Ordinal)
            .Select(g => new Series(g.Key, g.Select(t => t.Source.Series!.Trim()).First(), InEpisodeOrder(g)))
            .ToList();

    /// <summary>
    /// By date (undated last), episode and slug. A sort of the class with a comparison (slugs are unique, so the order is
    /// total), not OrderBy over a DateOnly key, whose sorter a fresh process JIT-compiled.
    /// </summary>
    static List<string> InEpisodeOrder(IEnumerable<ArchivedTranscript> episodes)
    {
        var ordered = episodes.ToList();
        ordered.Sort((a, b) =>
        {
            var byDate = (a.Source.Date ?? DateOnly.MaxValue).CompareTo(b.Source.Date ?? DateOnly.MaxValue);
            if (byDate != 0)
                return byDate;
            var byEpisode = NaturalComparer.Instance.Compare(a.Source.Episode ?? "", b.Source.Episode ?? "");
            return byEpisode != 0 ? byEpisode : string.CompareOrdinal(a.Slug, b.Slug);
        });
        return ordered.ConvertAll(t => t.Slug);
    }

    static List<ArchivedTranscript> WithNeighbours(List<ArchivedTranscript> transcripts, List<Series> series)
    {
        var neighbours = new Dictionary<string, (string? Previous, string? Next)>(StringComparer.Ordinal);
        foreach (var s in series)
            for (var i = 0; i < s.TranscriptSlugs.Count; i++)
                neighbours[s.TranscriptSlugs[i]] = (i > 0 ? s.TranscriptSlugs[i - 1] : null,
                    i + 1 < s.TranscriptSlugs.Count ? s.TranscriptSlugs[i + 1] : null);
        return transcripts
            .Select(t => neighbours.TryGetValue(t.Slug, out var n) ? t with { PreviousSlug = n.Previous, NextSlug = n.Next } : t)
            .ToList();
    }

    static List<Person> PeopleOf(Registries registries, List<ArchivedTranscript> newestFirst)
    {
        var people = registries.People.ToDictionary(p => p.Id,
            p => new Person(p.Id, p.Name, p.Credentials, p.Bio, p.Aliases, InRegistry: true), StringComparer.Ordinal);
        foreach (var transcript in newestFirst.OrderBy(t => t.Slug, StringComparer.Ordinal))
        {
            foreach (var speaker in transcript.Source.Speakers)
                if (!people.ContainsKey(transcript.PersonIdBySpeaker[speaker.Id]))
                    people.Add(transcript.PersonIdBySpeaker[speaker.Id],
                        new Person(speaker.Id, speaker.Name, speaker.Credentials, null, speaker.Labels, InRegistry: false));
            foreach (var (personId, firstSpeakerId, _, _) in transcript.Speaking)
                if (!people.ContainsKey(personId))
                    people.Add(personId, new Person(firstSpeakerId, firstSpeakerId, null, null, [], InRegistry: false));
        }

        var appearances = new Dictionary<string, List<Appearance>>(StringComparer.Ordinal);
        foreach (var transcript in newestFirst)
            foreach (var (personId, _, turns, words) in transcript.Speaking)
            {
                if (!appearances.TryGetValue(personId, out var list))
                    appearances[personId] = list = [];
                list.Add(new Appearance(transcript.Slug, turns, words));
            }

        var quotes = newestFirst.SelectMany(t => t.Quotes).Where(q => q.PersonId is not null).ToLookup(q => q.PersonId!, StringComparer.Ordinal);
        var passages = newestFirst.SelectMany(t => t.Passages).ToLookup(x => x.PersonId, StringComparer.Ordinal);
        return people.Values.Select(p => p with
        {
            Appearances = appearances.GetValueOrDefault(p.Id) ?? [],
            QuoteIds = [.. quotes[p.Id].Select(q => q.Id)],
            TopTopics = Top(passages[p.Id].Select(x => x.TopicId), TopTopicsPerPerson),
        }).ToList();
    }

    static List<Topic> TopicsOf(Registries registries, List<ArchivedTranscript> transcripts)
    {
        var catalog = new TopicCatalog(registries.Topics);
        var entries = registries.Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var declared in transcripts.SelectMany(t => t.Source.Topics))
            entries.TryAdd(catalog.Resolve(declared).Id, catalog.Resolve(declared));

        var topicsOfTranscript = transcripts.ToDictionary(t => t.Slug, t => t.TopicIds, StringComparer.Ordinal);
        var passagesByTopic = transcripts.SelectMany(t => t.Passages).ToLookup(p => p.TopicId, StringComparer.Ordinal);
        var transcriptsByTopic = transcripts.SelectMany(t => t.TopicIds.Select(id => (Id: id, Transcript: t)))
            .ToLookup(x => x.Id, x => x.Transcript, StringComparer.Ordinal);
        return entries.Values.Select(entry =>
        {
            var passages = passagesByTopic[entry.Id]
                .OrderByDescending(p => p.Score).ThenBy(p => p.TranscriptSlug, StringComparer.Ordinal).ThenBy(p => p.Turn)
                .ToList();
            var having = transcriptsByTopic[entry.Id]
                .Select(t => (t.Slug, Hits: t.Passages.Where(p => p.TopicId == entry.Id).Sum(p => p.Hits)))
                .OrderByDescending(x => x.Hits).ThenBy(x => x.Slug, StringComparer.Ordinal)
                .Select(x => x.Slug).ToList();
            return new Topic(entry.Id, entry.Name, entry.Description, entry.Terms)
            {
                Passages = passages,
                TranscriptSlugs = having,
                TopSpeakers = Top(passages.Select(p => p.PersonId), int.MaxValue),
                Related = Top(having.SelectMany(slug => topicsOfTranscript[slug]).Where(id => id != entry.Id), RelatedTopicsPerTopic),
            };
        }).ToList();
    }

    static List<Tally> Top(IEnumerable<string> ids, int count) =>
        ids.GroupBy(id => id, StringComparer.Ordinal)
            .Select(g => new Tally(g.Key, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(count).ToList();
}
