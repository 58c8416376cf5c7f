using System.Text.Json.Nodes;
using ArchiveSite.Archive;
using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Site.Pages;

/// <summary><c>transcripts/&lt;slug&gt;.html</c>: the whole transcript, every turn an anchor, with what links it to the archive.</summary>
public sealed class TranscriptPages : IPageSource
{
    public IEnumerable<Page> PagesOf(TranscriptArchive archive)
    {
        var mentions = new MentionLinker(archive.People);
        // Every paragraph of the archive goes through the mention linker when it is rendered (see LinkedParagraph).
        // Parallel.For rather than PLINQ: a fresh process JIT-compiles PLINQ's generic operators for each element type.
        var pages = new Page[archive.Transcripts.Count];
        Parallel.For(0, pages.Length, i => pages[i] = PageOf(archive, archive.Transcripts[i], mentions));
        return pages;
    }

    static Page PageOf(TranscriptArchive archive, ArchivedTranscript transcript, MentionLinker mentions)
    {
        var path = Urls.Transcript(transcript.Slug);
        var speakers = SpeakersOf(archive, transcript, path);
        var description = Describe(transcript, speakers);
        var head = new PageHead(transcript.Title, description, "article",
            JsonLd: JsonLd.Script(Describe(archive, transcript, speakers, description)));
        if (transcript.Key is not { } key)
            return new Page(path, "transcript", head, ViewOf(archive, transcript, path, speakers, SectionsOf(archive, transcript, path, mentions)));
        var sections = SectionsFingerprint(archive, transcript, key, path, mentions);
        return new Page(path, "transcript", head, new ModelMadeWhenRendered(parts => Fingerprint(parts, archive, transcript, sections, speakers),
            () => ViewOf(archive, transcript, path, speakers, new KeyedList<SectionView>(sections, () => SectionsOf(archive, transcript, path, mentions)))));
    }

    static List<PersonLink> SpeakersOf(TranscriptArchive archive, ArchivedTranscript transcript, string path) =>
        transcript.Source.Turns.Select(transcript.PersonIdOf)
            .Concat(transcript.Source.Speakers.Select(s => transcript.PersonIdBySpeaker[s.Id]))
            .Distinct(StringComparer.Ordinal)
            .Select(id => Lists.Person(archive, id, path)).ToList();

    static TranscriptView ViewOf(TranscriptArchive archive, ArchivedTranscript transcript, string path, List<PersonLink> speakers,
        IReadOnlyList<SectionView> sections)
    {
        var source = transcript.Source;
        var toc = new List<Link>();
        var headed = 0;
        foreach (var section in source.Sections)
            if (!string.IsNullOrWhiteSpace(section.Heading))
                toc.Add(new Link(section.Heading, "#" + Urls.SectionAnchor(++headed)));
        var series = transcript.SeriesId is null ? null : archive.SeriesById(transcript.SeriesId);
        return new TranscriptView(
            transcript.Title,
            series is null ? null : new Link(series.Name, Urls.Relative(path, Urls.Series(series.Id))),
            source.Episode,
            Dates.Display(source.Date),
            Dates.Iso(source.Date),
            speakers,
            toc,
            sections,
            [.. transcript.TopicIds.Select(id => new Link(archive.Topic(id).Name, Urls.Relative(path, Urls.Topic(id))))],
            Neighbour(archive, transcript.PreviousSlug, path),
            Neighbour(archive, transcript.NextSlug, path),
            [.. transcript.RelatedSlugs.Select(slug => Lists.Transcript(archive, slug, path))],
            [.. transcript.Quotes.Where(q => q.Turn is null).Select(q => Lists.Quote(archive, q, path))],
            source.Sections.Sum(s => s.Turns.Count));
    }

    /// <summary>
    /// Everything <see cref="ViewOf"/> reads besides the body (<paramref name="sections"/>, its fingerprint, which holds the
    /// transcript's key, its path and title): the speakers as linked, the series' and topics' names, the neighbours' titles,
    /// the related transcripts as a list shows them, and the quotes placed in no turn as a list shows them.
    /// </summary>
    static HashedParts Fingerprint(HashedParts parts, TranscriptArchive archive, ArchivedTranscript transcript, string sections,
        List<PersonLink> speakers)
    {
        parts.Add("transcript page").Add(sections).Add(speakers.Count);
        foreach (var speaker in speakers)
            parts.Add(speaker.Name).Add(speaker.Credentials).Add(speaker.Url);
        parts.Add(transcript.SeriesId).Add(transcript.SeriesId is null ? null : archive.SeriesById(transcript.SeriesId).Name)
            .Add(transcript.TopicIds.Count);
        foreach (var id in transcript.TopicIds)
            parts.Add(id).Add(archive.Topic(id).Name);
        foreach (var neighbour in (ReadOnlySpan<string?>)[transcript.PreviousSlug, transcript.NextSlug])
            parts.Add(neighbour).Add(neighbour is null ? null : archive.Transcript(neighbour).Title);
        parts.Add(transcript.RelatedSlugs.Count);
        foreach (var slug in transcript.RelatedSlugs)
            parts.AddTranscript(archive, slug);
        foreach (var quote in transcript.Quotes)
            if (quote.Turn is null)
                parts.AddQuote(archive, quote);
        return parts;
    }

    static List<SectionView> SectionsOf(TranscriptArchive archive, ArchivedTranscript transcript, string path, MentionLinker mentions)
    {
        var quotesByTurn = transcript.Quotes.Where(q => q.Turn is not null).ToLookup(q => q.Turn!.Value);
        var sections = new List<SectionView>();
        // A page's few speakers have many turns each: their names and links are made once per page.
        var speakerLinks = new Dictionary<string, (string Name, string Url)>(StringComparer.Ordinal);
        var number = 0;
        var headed = 0;
        foreach (var section in transcript.Source.Sections)
        {
            var anchor = string.IsNullOrWhiteSpace(section.Heading) ? null : Urls.SectionAnchor(++headed);
            var turns = section.Turns.Select(turn =>
            {
                number++;
                return TurnOf(archive, transcript, turn, number, path, mentions, quotesByTurn[number], speakerLinks);
            }).ToList();
            sections.Add(new SectionView(section.Heading, anchor, turns));
        }
        return sections;
    }

    /// <summary>
    /// Everything <see cref="SectionsOf"/> reads: the transcript as processed (its key), the page's path and the
    /// transcript's title (quote links), the names the mention linker links, and the name of everyone who speaks or
    /// is quoted (a person's name may come from another transcript).
    /// </summary>
    static string SectionsFingerprint(TranscriptArchive archive, ArchivedTranscript transcript, string key, string path, MentionLinker mentions)
    {
        var people = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var turn in transcript.Source.Turns)
            people.Add(transcript.PersonIdOf(turn));
        foreach (var quote in transcript.Quotes)
            if (quote.PersonId is { } id)
                people.Add(id);
        return ContentHash.OfParts(["sections", key, path, transcript.Title, mentions.Fingerprint,
            .. people.SelectMany(id => new[] { id, archive.Person(id).Name })]);
    }

    static TurnView TurnOf(TranscriptArchive archive, ArchivedTranscript transcript, Turn turn, int number, string path,
        MentionLinker mentions, IEnumerable<ArchivedQuote> quotes, Dictionary<string, (string Name, string Url)> speakerLinks)
    {
        var id = transcript.PersonIdOf(turn);
        if (!speakerLinks.TryGetValue(id, out var speaker))
        {
            var person = archive.Person(id);
            speakerLinks[id] = speaker = (person.Name, Urls.Relative(path, Urls.Speaker(person.Id)));
        }
        return new TurnView(number, Urls.TurnAnchor(number), speaker.Name, speaker.Url,
            turn.Start is { } start ? Timestamp(start) : null,
            [.. turn.Paragraphs.Select(p => new LinkedParagraph(p, path, mentions))],
            quotes.Any() ? [.. quotes.Select(q => Lists.Quote(archive, q, path))] : []);
    }

    static Link? Neighbour(TranscriptArchive archive, string? slug, string path) =>
        slug is null ? null : new Link(archive.Transcript(slug).Title, Urls.Relative(path, Urls.Transcript(slug)));

    static string Timestamp(TimeSpan start) =>
        start.TotalHours >= 1 ? start.ToString(@"h\:mm\:ss") : start.ToString(@"m\:ss");

    static string Describe(ArchivedTranscript transcript, IReadOnlyList<PersonLink> speakers)
    {
        var names = string.Join(", ", speakers.Select(s => s.Name));
        var when = Dates.Display(transcript.Source.Date);
        return $"Transcript of {transcript.Title}" + (names.Length > 0 ? $" with {names}" : "") + (when is null ? "." : $", {when}.");
    }

    static JsonObject Describe(TranscriptArchive archive, ArchivedTranscript transcript, IReadOnlyList<PersonLink> speakers, string description)
    {
        var site = archive.Site;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CreativeWork",
            ["genre"] = "transcript",
            ["name"] = transcript.Title,
            ["description"] = description,
            ["inLanguage"] = site.Language,
        };
        if (Urls.Absolute(site, Urls.Transcript(transcript.Slug)) is { } url)
            json["url"] = url;
        if (Dates.Iso(transcript.Source.Date) is { } date)
            json["datePublished"] = date;
        if (speakers.Count > 0)
            json["contributor"] = new JsonArray([.. speakers.Select(s => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = s.Name })]);
        if (transcript.TopicIds.Count > 0)
            json["keywords"] = string.Join(", ", transcript.TopicIds.Select(id => archive.Topic(id).Name));
        if (transcript.SeriesId is { } seriesId)
            json["isPartOf"] = new JsonObject { ["@type"] = "CreativeWorkSeries", ["name"] = archive.SeriesById(seriesId).Name };
        return json;
    }

    public sealed record TranscriptView(string Title, Link? Series, string? Episode, string? Date, string? DateIso,
        IReadOnlyList<PersonLink> Speakers, IReadOnlyList<Link> Contents, IReadOnlyList<SectionView> Sections,
        IReadOnlyList<Link> Topics, Link? Previous, Link? Next, IReadOnlyList<TranscriptItem> Related,
        IReadOnlyList<QuoteItem> UnplacedQuotes, int TurnCount);

    public sealed record SectionView(string? Heading, string? Anchor, IReadOnlyList<TurnView> Turns);

    public sealed record TurnView(int Number, string Anchor, string SpeakerName, string SpeakerUrl, string? Time,
        IReadOnlyList<LinkedParagraph> Paragraphs, IReadOnlyList<QuoteItem> Quotes);
}
