using ArchiveSite.Tests.Build;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Site;

public sealed class TranscriptPageTests : IDisposable
{
    readonly BuiltSite _site = new(SampleInput());

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Every_turn_is_an_anchor_numbered_from_one_in_reading_order_with_a_self_link()
    {
        var page = _site.Page("transcripts/week-1.html");

        var turns = page.QuerySelectorAll(".turn");
        Assert.Equal(["t-1", "t-2", "t-3"], turns.Select(t => t.Id));
        Assert.All(turns, t => Assert.NotNull(t.QuerySelector($"a[href='#{t.Id}']")));
        Assert.Contains("Mindfulness practice", turns[1].TextContent);
    }

    [Fact]
    public void A_turn_names_its_speaker_as_resolved_in_the_registry_and_links_to_their_page()
    {
        var page = _site.Page("transcripts/week-1.html");

        var speaker = page.QuerySelector("#t-2 a.speaker")!;
        Assert.Equal("Ron Siegel", speaker.TextContent);
        Assert.Equal("../speakers/ron-siegel.html", speaker.GetAttribute("href"));
    }

    [Fact]
    public void Sections_have_ids_and_a_table_of_contents_links_to_them()
    {
        var page = _site.Page("transcripts/week-1.html");

        var entry = Assert.Single(page.QuerySelectorAll(".toc a"));
        Assert.Equal("Practice", entry.TextContent);
        Assert.Equal("Practice", page.QuerySelector(entry.GetAttribute("href")!)!.TextContent);
    }

    [Fact]
    public void Pull_quotes_are_callouts_after_their_turn_linking_to_the_quote_page()
    {
        var page = _site.Page("transcripts/week-1.html");

        var callout = page.QuerySelector("#t-2 + aside.pull-quote")!;
        Assert.Equal("Being in the present moment matters.", callout.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Matches(@"^\.\./quotes/week-1-[0-9a-f]{8}\.html$", callout.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Names_of_registered_people_in_the_text_link_to_their_pages()
    {
        var page = _site.Page("transcripts/week-1.html");

        var mentions = page.QuerySelectorAll("#t-3 a.mention");
        Assert.Equal(["Kelly McGonigal", "Dr. Siegel"], mentions.Select(m => m.TextContent));
        Assert.Equal(["../speakers/kelly-mcgonigal.html", "../speakers/ron-siegel.html"], mentions.Select(m => m.GetAttribute("href")));
    }

    [Fact]
    public void Topics_series_neighbours_and_related_transcripts_are_linked()
    {
        var first = _site.Page("transcripts/week-1.html");
        var second = _site.Page("transcripts/week-2.html");

        Assert.Contains("../topics/mindfulness.html", first.QuerySelectorAll(".tag-list a").Select(a => a.GetAttribute("href")));
        Assert.Equal("../series/critical-insights.html", first.QuerySelector(".kicker a")!.GetAttribute("href"));
        Assert.Equal("../transcripts/week-2.html", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal("../transcripts/week-1.html", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Contains("../transcripts/week-2.html", first.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_head_has_language_description_canonical_social_tags_and_json_ld()
    {
        var page = _site.Page("transcripts/week-1.html");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Week 1: Beginnings · Test Archive", page.Title);
        Assert.Equal("https://example.org/archive/transcripts/week-1.html", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://example.org/archive/assets/og-default.png", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("meta[name='twitter:card']"));
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
        Assert.Contains("Ron Siegel", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        var json = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Week 1: Beginnings", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("2024-01-08", json.RootElement.GetProperty("datePublished").GetString());
    }

    [Fact]
    public void Every_page_has_a_search_form_pointing_at_the_root_search_page()
    {
        Assert.Equal("../search.html", _site.Page("transcripts/week-1.html").QuerySelector("form[role=search]")!.GetAttribute("action"));
        Assert.Equal("search.html", _site.Page("index.html").QuerySelector("form[role=search]")!.GetAttribute("action"));
        Assert.NotNull(_site.Page("topics/index.html").QuerySelector("form[action='../search.html'] input[name=q]"));
    }
}
