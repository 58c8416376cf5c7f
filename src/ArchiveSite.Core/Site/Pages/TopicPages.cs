using ArchiveSite.Archive;

namespace ArchiveSite.Site.Pages;

/// <summary><c>topics/&lt;id&gt;.html</c> with ranked passages, and <c>topics/index.html</c> with counts.</summary>
public sealed class TopicPages : IPageSource
{
    /// <summary>Passages listed on a topic page; the rest are reachable through its transcripts.</summary>
    public const int PassagesShown = 30;

    public IEnumerable<Page> PagesOf(TranscriptArchive archive)
    {
        foreach (var topic in archive.Topics)
            yield return PageOf(archive, topic);

        var index = new TopicsView([.. archive.Topics.Select(t => new TopicItem(t.Name, t.Description,
            Urls.Relative(Urls.TopicsIndex, Urls.Topic(t.Id)), t.TranscriptSlugs.Count, t.Passages.Count))]);
        yield return new Page(Urls.TopicsIndex, "topics",
            new PageHead("Topics", $"The topics discussed in {archive.Site.Title}."), index);
    }

    static Page PageOf(TranscriptArchive archive, Topic topic)
    {
        var path = Urls.Topic(topic.Id);
        var passages = topic.Passages.Take(PassagesShown).Select(p =>
        {
            var person = archive.Person(p.PersonId);
            return new PassageItem(archive.Transcript(p.TranscriptSlug).Title, Urls.Relative(path, Urls.Turn(p.TranscriptSlug, p.Turn)),
                p.Turn, person.Name, Urls.Relative(path, Urls.Speaker(person.Id)), p.Excerpt, p.Hits);
        }).ToList();
        var view = new TopicView(
            topic.Name,
            topic.Description,
            topic.Terms,
            [.. topic.TranscriptSlugs.Select(slug => Lists.Transcript(archive, slug, path))],
            passages,
            topic.Passages.Count,
            [.. topic.TopSpeakers.Take(10).Select(t => Lists.Speaker(archive, t, path))],
            [.. topic.Related.Select(t => Lists.Topic(archive, t, path))]);
        var description = topic.Description ?? $"Where {topic.Name} comes up in {archive.Site.Title}.";
        return new Page(path, "topic", new PageHead(topic.Name, description), view);
    }

    public sealed record TopicView(string Name, string? Description, IReadOnlyList<string> Terms, IReadOnlyList<TranscriptItem> Transcripts,
        IReadOnlyList<PassageItem> Passages, int PassageCount, IReadOnlyList<CountedLink> Speakers, IReadOnlyList<CountedLink> Related);

    public sealed record PassageItem(string TranscriptTitle, string Url, int Turn, string SpeakerName, string SpeakerUrl, string Excerpt, int Hits);

    public sealed record TopicsView(IReadOnlyList<TopicItem> Topics);

    public sealed record TopicItem(string Name, string? Description, string Url, int Transcripts, int Passages);
}
