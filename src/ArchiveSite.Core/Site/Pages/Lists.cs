using ArchiveSite.Archive;
using ArchiveSite.Output;

namespace ArchiveSite.Site.Pages;

/// <summary>The list items every page kind shares, made one way.</summary>
public static class Lists
{
    public static TranscriptItem Transcript(TranscriptArchive archive, string slug, string fromPage, int turns = 0, int words = 0)
    {
        var t = archive.Transcript(slug);
        var series = t.SeriesId is null ? null : archive.SeriesById(t.SeriesId).Name;
        return new TranscriptItem(t.Title, Urls.Relative(fromPage, Urls.Transcript(slug)), Dates.Display(t.Source.Date),
            series, t.Source.Episode, turns, words);
    }

    public static PersonLink Person(TranscriptArchive archive, string id, string fromPage)
    {
        var p = archive.Person(id);
        return new PersonLink(p.Name, p.Credentials, Urls.Relative(fromPage, Urls.Speaker(id)));
    }

    public static QuoteItem Quote(TranscriptArchive archive, ArchivedQuote quote, string fromPage)
    {
        var person = quote.PersonId is null ? null : archive.Person(quote.PersonId);
        return new QuoteItem(quote.Text, Urls.Relative(fromPage, Urls.Quote(quote.Id)), person?.Name,
            person is null ? null : Urls.Relative(fromPage, Urls.Speaker(person.Id)),
            quote.Turn is { } turn ? Urls.Relative(fromPage, Urls.Turn(quote.TranscriptSlug, turn)) : null,
            archive.Transcript(quote.TranscriptSlug).Title);
    }

    /// <summary>Everything <see cref="Transcript"/> reads of the archive (the caller adds what it passes).</summary>
    public static HashedParts AddTranscript(this HashedParts parts, TranscriptArchive archive, string slug)
    {
        var t = archive.Transcript(slug);
        return parts.Add(slug).Add(t.Title).Add(t.SeriesId is null ? null : archive.SeriesById(t.SeriesId).Name)
            .Add(Dates.Display(t.Source.Date)).Add(t.Source.Episode);
    }

    /// <summary>Everything <see cref="Quote"/> reads of the archive.</summary>
    public static HashedParts AddQuote(this HashedParts parts, TranscriptArchive archive, ArchivedQuote quote) =>
        parts.Add(quote.Id).Add(quote.Text).Add(quote.PersonId).Add(quote.PersonId is null ? null : archive.Person(quote.PersonId).Name)
            .Add(quote.Turn).Add(quote.TranscriptSlug).Add(archive.Transcript(quote.TranscriptSlug).Title);

    public static CountedLink Topic(TranscriptArchive archive, Tally tally, string fromPage) =>
        new(archive.Topic(tally.Id).Name, Urls.Relative(fromPage, Urls.Topic(tally.Id)), tally.Count);

    public static CountedLink Speaker(TranscriptArchive archive, Tally tally, string fromPage) =>
        new(archive.Person(tally.Id).Name, Urls.Relative(fromPage, Urls.Speaker(tally.Id)), tally.Count);
}
