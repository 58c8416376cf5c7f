using ArchiveSite.Archive;
using ArchiveSite.Output;

namespace ArchiveSite.Site.Pages;

/// <summary><c>speakers/&lt;id&gt;.html</c> for everyone, and <c>speakers/index.html</c> listing them.</summary>
public sealed class SpeakerPages : IPageSource
{
    public IEnumerable<Page> PagesOf(TranscriptArchive archive)
    {
        foreach (var person in archive.People)
            yield return PageOf(archive, person);

        var index = new SpeakersView([.. archive.People.Select(p => new SpeakerItem(p.Name, p.Credentials,
            Urls.Relative(Urls.SpeakersIndex, Urls.Speaker(p.Id)), p.Appearances.Count))]);
        yield return new Page(Urls.SpeakersIndex, "speakers",
            new PageHead("Speakers", $"Everyone who speaks in {archive.Site.Title}."), index);
    }

    static Page PageOf(TranscriptArchive archive, Person person)
    {
        var description = person.Bio ?? $"{person.Name} in {archive.Site.Title}: {person.Appearances.Count} transcripts.";
        return new Page(Urls.Speaker(person.Id), "speaker", new PageHead(person.Name, description, "profile"),
            new ModelMadeWhenRendered(parts => Fingerprint(parts, archive, person), () => ViewOf(archive, person)));
    }

    /// <summary>The page's model; what it reads of the archive is in <see cref="Fingerprint"/>.</summary>
    public static SpeakerView ViewOf(TranscriptArchive archive, Person person)
    {
        var path = Urls.Speaker(person.Id);
        return new SpeakerView(
            person.Name,
            person.Credentials,
            person.Bio,
            [.. person.Appearances.Select(a => Lists.Transcript(archive, a.TranscriptSlug, path, a.Turns, a.Words))],
            person.Appearances.Sum(a => a.Turns),
            person.Appearances.Sum(a => a.Words),
            [.. person.QuoteIds.Select(id => Lists.Quote(archive, archive.Quote(id), path))],
            [.. person.TopTopics.Select(t => Lists.Topic(archive, t, path))]);
    }

    /// <summary>
    /// Everything <see cref="ViewOf"/> reads: the person, each transcript they speak in as a list shows it, their quotes
    /// as a list shows them, and the names of their topics (links are made from ids).
    /// </summary>
    public static HashedParts Fingerprint(HashedParts parts, TranscriptArchive archive, Person person)
    {
        parts.Add("speaker page").Add(person.Id).Add(person.Name).Add(person.Credentials).Add(person.Bio)
            .Add(person.Appearances.Count);
        foreach (var appearance in person.Appearances)
            parts.AddTranscript(archive, appearance.TranscriptSlug).Add(appearance.Turns).Add(appearance.Words);
        parts.Add(person.QuoteIds.Count);
        foreach (var id in person.QuoteIds)
            parts.AddQuote(archive, archive.Quote(id));
        parts.Add(person.TopTopics.Count);
        foreach (var topic in person.TopTopics)
            parts.Add(topic.Id).Add(archive.Topic(topic.Id).Name).Add(topic.Count);
        return parts;
    }

    public sealed record SpeakerView(string Name, string? Credentials, string? Bio, IReadOnlyList<TranscriptItem> Transcripts,
        int Turns, int Words, IReadOnlyList<QuoteItem> Quotes, IReadOnlyList<CountedLink> Topics);

    public sealed record SpeakersView(IReadOnlyList<SpeakerItem> Speakers);

    public sealed record SpeakerItem(string Name, string? Credentials, string Url, int Transcripts);
}
