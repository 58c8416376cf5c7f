using ArchiveSite.Archive;
using ArchiveSite.Build;
using ArchiveSite.Output;
using ArchiveSite.Site;
using ArchiveSite.Site.Pages;
using ArchiveSite.Tests.Build;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Site;

/// <summary>A quote page's model is made only when the page is rendered, and fingerprinted by what it is made from.</summary>
public sealed class QuotePageModelTests
{
    static Page QuotePage(TranscriptArchive archive) => Assert.Single(new QuotePages().PagesOf(archive));

    [Fact]
    public void A_quote_page_made_when_rendered_renders_byte_for_byte_as_one_made_at_once()
    {
        var archive = SampleArchive();
        var page = QuotePage(archive);
        var renderer = new PageRenderer(BuiltSite.Theme, archive.Site);

        var made = Assert.IsType<ModelMadeWhenRendered>(page.Model);
        var atOnce = page with { Model = QuotePages.ViewOf(archive, archive.Quotes[0]) };

        Assert.Equal(renderer.Render(atOnce), renderer.Render(page));
        Assert.Contains("Being in the present moment matters.", System.Text.Encoding.UTF8.GetString(renderer.Render(page)));
        Assert.IsType<QuotePages.QuoteView>(made.Value);
    }

    [Fact]
    public void The_fingerprint_is_the_same_for_the_same_archive_and_changes_with_what_the_page_shows()
    {
        var before = ModelFingerprint.Of(QuotePage(SampleArchive()));

        Assert.Equal(before, ModelFingerprint.Of(QuotePage(SampleArchive())));
        Assert.NotEqual(before, ModelFingerprint.Of(QuotePage(SampleArchive(t => t.Slug == "week-1" ? t with { Title = "Week 1, renamed" } : t))));
        Assert.NotEqual(before, ModelFingerprint.Of(QuotePage(SampleArchive(t => t with { Quotes = [.. t.Quotes.Select(q => q with { Section = "Other" })] }))));
        Assert.NotEqual(before, ModelFingerprint.Of(QuotePage(SampleArchive(t => t with { Quotes = [.. t.Quotes.Select(q => q with { Turn = 3 })] }))));
        Assert.NotEqual(before, ModelFingerprint.Of(QuotePage(SampleArchive(t =>
            t.Slug == "week-1" ? t with { Source = t.Source with { Episode = "Week one" } } : t))));
        Assert.NotEqual(before, ModelFingerprint.Of(QuotePage(SampleArchive(t =>
            t with { Quotes = [.. t.Quotes.Select(q => q with { PersonId = "kelly-mcgonigal" })] }))));
    }
}
