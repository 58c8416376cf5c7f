using ArchiveSite.Archive;
using ArchiveSite.Build;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;
using ArchiveSite.Site.Pages;
using ArchiveSite.Tests.Build;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Site;

/// <summary>
/// A transcript page's body (its sections, turns and paragraphs) is made only when the page is rendered when the
/// transcript has a key, and is fingerprinted by what it is made from instead of by what it holds.
/// </summary>
public sealed class TranscriptBodyTests
{
    static readonly Transcript EarlierWithTheGuest = Make("aa-earlier", "Earlier", [new Speaker("sam-guest", "Samuel Guest", null, ["Sam"])],
        [new Section(null, 1, [Turn("sam-guest", "A first word.")])]);

    static (TranscriptArchive Archive, Page Page) PageOf(bool keyed, string slug = "week-1", params Transcript[] extra)
    {
        var archive = SampleArchive(t => keyed ? t with { Key = "key of " + t.Slug } : t, extra);
        return (archive, new TranscriptPages().PagesOf(archive).Single(p => p.Path == Urls.Transcript(slug)));
    }

    static IReadOnlyList<TranscriptPages.SectionView> Body(bool keyed, string slug = "week-1", params Transcript[] extra) =>
        ViewOf(PageOf(keyed, slug, extra).Page).Sections;

    static TranscriptPages.TranscriptView ViewOf(Page page) =>
        (TranscriptPages.TranscriptView)(page.Model is ModelMadeWhenRendered later ? later.Value : page.Model);

    [Fact]
    public void A_page_whose_body_is_made_when_read_renders_byte_for_byte_as_one_made_at_once()
    {
        var (archive, later) = PageOf(keyed: true);
        var (_, atOnce) = PageOf(keyed: false);
        var renderer = new PageRenderer(BuiltSite.Theme, archive.Site);

        var html = renderer.Render(later);

        Assert.Equal(renderer.Render(atOnce), html);
        Assert.Contains("Mindfulness practice and meditation help with shame.", System.Text.Encoding.UTF8.GetString(html));
    }

    [Fact]
    public void A_body_made_when_read_holds_what_a_body_made_at_once_holds()
    {
        var later = Body(keyed: true);
        var atOnce = Body(keyed: false);

        Assert.IsAssignableFrom<IFingerprinted>(later);
        Assert.IsNotAssignableFrom<IFingerprinted>(atOnce);
        Assert.Equal(ModelFingerprint.Of(atOnce), ModelFingerprint.Of(later.ToList()));
        Assert.Equal(3, later.Sum(s => s.Turns.Count));
    }

    [Fact]
    public void The_body_fingerprint_is_the_same_for_the_same_inputs_and_changes_when_another_transcript_renames_a_speaker()
    {
        var before = ModelFingerprint.Of(Body(keyed: true, "guest-talk"));

        var again = ModelFingerprint.Of(Body(keyed: true, "guest-talk"));
        var renamed = Body(keyed: true, "guest-talk", EarlierWithTheGuest);

        Assert.Equal(before, again);
        Assert.NotEqual(before, ModelFingerprint.Of(renamed));
        Assert.Equal("Samuel Guest", renamed.SelectMany(s => s.Turns).First().SpeakerName);
    }

    [Fact]
    public void A_keyed_page_is_made_when_rendered_and_its_key_changes_with_what_other_transcripts_lend_it()
    {
        static string KeyOf(Page page) => RenderPages.KeyOf("shared", page);
        var (archive, page) = PageOf(keyed: true);
        var view = ViewOf(page);
        var next = Assert.IsType<Link>(view.Next);

        Assert.IsType<ModelMadeWhenRendered>(page.Model);
        Assert.IsType<TranscriptPages.TranscriptView>(PageOf(keyed: false).Page.Model);
        Assert.Equal(KeyOf(page), KeyOf(PageOf(keyed: true).Page));
        Assert.NotEmpty(view.Related);
        var neighbour = archive.Transcripts.Single(t => t.Title == next.Text).Slug;
        var related = archive.Transcripts.Single(t => t.Title == view.Related[0].Title).Slug;

        Assert.NotEqual(KeyOf(page), KeyOf(PageWith(t => t.Slug == neighbour ? t with { Title = "Renamed" } : t)));
        Assert.NotEqual(KeyOf(page), KeyOf(PageWith(t => t.Slug == related ? t with { Source = t.Source with { Episode = "Other" } } : t)));
        Assert.NotEqual(KeyOf(page), KeyOf(PageWith(t => t with { Quotes = [.. t.Quotes.Select(q => q with { Turn = null })] })));
    }

    static Page PageWith(Func<ArchivedTranscript, ArchivedTranscript> change)
    {
        return new TranscriptPages().PagesOf(SampleArchive(t => change(t with { Key = "key of " + t.Slug }))).Single(p => p.Path == Urls.Transcript("week-1"));
    }
}
