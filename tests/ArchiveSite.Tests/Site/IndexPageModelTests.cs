using ArchiveSite.Archive;
using ArchiveSite.Build;
using ArchiveSite.Output;
using ArchiveSite.Site;
using ArchiveSite.Site.Pages;
using ArchiveSite.Tests.Build;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Site;

/// <summary>
/// Speaker pages and the quotes index list items from many transcripts: their models are made only when the page is
/// rendered, and fingerprinted by what they are made from.
/// </summary>
public sealed class IndexPageModelTests
{
    static Page SpeakerPage(TranscriptArchive archive) =>
        new SpeakerPages().PagesOf(archive).Single(p => p.Path == Urls.Speaker("ron-siegel"));

    static Page QuotesIndex(TranscriptArchive archive) => Assert.Single(new QuotesIndexPage().PagesOf(archive));

    static string KeyOf(Page page) => RenderPages.KeyOf("shared", page);

    [Fact]
    public void A_speaker_page_made_when_rendered_renders_byte_for_byte_as_one_made_at_once()
    {
        var archive = SampleArchive();
        var page = SpeakerPage(archive);
        var renderer = new PageRenderer(BuiltSite.Theme, archive.Site);

        var made = Assert.IsType<ModelMadeWhenRendered>(page.Model);
        var atOnce = page with { Model = SpeakerPages.ViewOf(archive, archive.Person("ron-siegel")) };

        Assert.Equal(renderer.Render(atOnce), renderer.Render(page));
        Assert.Contains("Week 1: Beginnings", System.Text.Encoding.UTF8.GetString(renderer.Render(page)));
        Assert.IsType<SpeakerPages.SpeakerView>(made.Value);
    }

    [Fact]
    public void A_speaker_page_fingerprint_is_the_same_for_the_same_archive_and_changes_with_what_the_page_shows()
    {
        var before = KeyOf(SpeakerPage(SampleArchive()));

        Assert.Equal(before, KeyOf(SpeakerPage(SampleArchive())));
        Assert.NotEqual(before, KeyOf(SpeakerPage(SampleArchive(t => t.Slug == "week-1" ? t with { Title = "Week 1, renamed" } : t))));
        Assert.NotEqual(before, KeyOf(SpeakerPage(SampleArchive(t =>
            t.Slug == "week-1" ? t with { Source = t.Source with { Episode = "Week one" } } : t))));
        Assert.NotEqual(before, KeyOf(SpeakerPage(SampleArchive(t =>
            t with { Quotes = [.. t.Quotes.Select(q => q with { Text = q.Text + " Really." })] }))));
        Assert.NotEqual(before, KeyOf(SpeakerPage(SampleArchive(t =>
            t with { Speaking = [.. t.Speaking.Select(s => s with { Words = s.Words + 1 })] }))));
    }

    [Fact]
    public void The_quotes_index_made_when_rendered_renders_byte_for_byte_as_one_made_at_once()
    {
        var archive = SampleArchive();
        var page = QuotesIndex(archive);
        var renderer = new PageRenderer(BuiltSite.Theme, archive.Site);

        var made = Assert.IsType<ModelMadeWhenRendered>(page.Model);
        var atOnce = page with { Model = QuotesIndexPage.ViewOf(archive) };

        Assert.Equal(renderer.Render(atOnce), renderer.Render(page));
        Assert.Contains("Being in the present moment matters.", System.Text.Encoding.UTF8.GetString(renderer.Render(page)));
        Assert.IsType<QuotesIndexPage.QuotesIndexView>(made.Value);
    }

    [Fact]
    public void The_quotes_index_fingerprint_changes_with_a_quote_its_speaker_its_transcript_or_its_topics()
    {
        var before = KeyOf(QuotesIndex(SampleArchive()));

        Assert.Equal(before, KeyOf(QuotesIndex(SampleArchive())));
        Assert.NotEqual(before, KeyOf(QuotesIndex(SampleArchive(t => t with { Quotes = [.. t.Quotes.Select(q => q with { Text = q.Text + " Really." })] }))));
        Assert.NotEqual(before, KeyOf(QuotesIndex(SampleArchive(t =>
            t with { Quotes = [.. t.Quotes.Select(q => q with { PersonId = "kelly-mcgonigal" })] }))));
        Assert.NotEqual(before, KeyOf(QuotesIndex(SampleArchive(t => t with { Title = t.Title + ", renamed" }))));
        Assert.NotEqual(before, KeyOf(QuotesIndex(SampleArchive(t => t with { Passages = [], TopicIds = ["pets"] }))));
    }

    [Fact]
    public void A_page_key_hashes_every_field_of_a_page_and_its_head_or_the_page_is_walked_whole()
    {
        // RenderPages.KeyOf hashes these by name for a page whose model names what it is made from: a field added to
        // Page or PageHead must be added there too.
        Assert.Equal(["Head", "Layout", "Model", "Path"], typeof(Page).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order());
        Assert.Equal(["Description", "Image", "JsonLd", "OgType", "Title"],
            typeof(PageHead).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order());

        var page = SpeakerPage(SampleArchive());
        var key = KeyOf(page);
        Assert.NotEqual(key, KeyOf(page with { Path = "speakers/other.html" }));
        Assert.NotEqual(key, KeyOf(page with { Layout = "other" }));
        Assert.NotEqual(key, KeyOf(page with { Head = page.Head with { Title = "Other" } }));
        Assert.NotEqual(key, KeyOf(page with { Head = page.Head with { Description = "Other" } }));
        Assert.NotEqual(key, KeyOf(page with { Head = page.Head with { OgType = "article" } }));
        Assert.NotEqual(key, KeyOf(page with { Head = page.Head with { Image = "other.png" } }));
        Assert.NotEqual(key, KeyOf(page with { Head = page.Head with { JsonLd = new RawHtml("{}") } }));
        Assert.NotEqual(key, RenderPages.KeyOf("other shared", page));
    }
}
