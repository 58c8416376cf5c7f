using System.Globalization;
using ArchiveSite.Archive;
using ArchiveSite.Site;

namespace ArchiveSite.Output;

/// <summary>
/// <c>feed.xml</c>, an Atom feed of the latest transcripts. Links are relative to the feed (it sits at the
/// site root); ids are absolute URLs when the base URL is known and stable URNs otherwise.
/// </summary>
public sealed class WriteFeed : IOutputStep
{
    const string Atom = "http://www.w3.org/2005/Atom";
    const int Entries = 50;

    public string Name => "feed";

    public void Run(OutputContext context)
    {
        var archive = context.Archive;
        var site = archive.Site;
        var latest = archive.Latest.Take(Entries).ToList();
        XmlOutput.Write(context.Writer, Urls.Feed, xml =>
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, site.Language);
            XmlOutput.Element(xml, "title", Atom, site.Title);
            XmlOutput.Element(xml, "subtitle", Atom, site.Description);
            xml.WriteElementString("id", Atom, Urls.Absolute(site, Urls.Feed) ?? "urn:archivesite:feed");
            xml.WriteElementString("updated", Atom, Timestamp(Newest(latest)));
            Link(xml, Urls.Home, "alternate");
            Link(xml, Urls.Feed, "self");
            foreach (var transcript in latest)
                Entry(xml, archive, transcript);
            xml.WriteEndElement();
        });
    }

    /// <summary>The latest date, null when none is dated (a loop: Max over DateOnly? was JIT-compiled in every fresh process).</summary>
    static DateOnly? Newest(List<ArchivedTranscript> transcripts)
    {
        DateOnly? newest = null;
        foreach (var transcript in transcripts)
            if (transcript.Source.Date is { } date && (newest is null || date > newest))
                newest = date;
        return newest;
    }

    static void Entry(System.Xml.XmlWriter xml, TranscriptArchive archive, ArchivedTranscript transcript)
    {
        var path = Urls.Transcript(transcript.Slug);
        xml.WriteStartElement("entry", Atom);
        XmlOutput.Element(xml, "title", Atom, transcript.Title);
        xml.WriteElementString("id", Atom, Urls.Absolute(archive.Site, path) ?? $"urn:archivesite:transcript:{transcript.Slug}");
        xml.WriteElementString("updated", Atom, Timestamp(transcript.Source.Date));
        Link(xml, path, "alternate");
        foreach (var personId in transcript.Source.Turns.Select(transcript.PersonIdOf).Distinct(StringComparer.Ordinal))
        {
            xml.WriteStartElement("author", Atom);
            XmlOutput.Element(xml, "name", Atom, archive.Person(personId).Name);
            xml.WriteEndElement();
        }
        foreach (var topicId in transcript.TopicIds)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", topicId);
            xml.WriteAttributeString("label", XmlOutput.Clean(archive.Topic(topicId).Name));
            xml.WriteEndElement();
        }
        var first = transcript.Source.Turns.FirstOrDefault()?.Paragraphs.FirstOrDefault();
        if (first is not null)
            XmlOutput.Element(xml, "summary", Atom, Summary(first));
        xml.WriteEndElement();
    }

    static string Summary(string paragraph)
    {
        const int length = 300;
        if (paragraph.Length <= length)
            return paragraph;
        var cut = char.IsHighSurrogate(paragraph[length - 1]) ? length - 1 : length;
        return paragraph[..cut] + "…";
    }

    static void Link(System.Xml.XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Undated transcripts get a fixed date, so the feed's bytes never depend on when it was built.</summary>
    static string Timestamp(DateOnly? date) =>
        (date ?? new DateOnly(1970, 1, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
