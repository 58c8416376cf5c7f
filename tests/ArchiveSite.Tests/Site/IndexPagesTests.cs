using ArchiveSite.Tests.Build;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Site;

public sealed class IndexPagesTests : IDisposable
{
    readonly BuiltSite _site = new(SampleInput());

    public void Dispose() => _site.Dispose();

    static string[] Hrefs(AngleSharp.Dom.IDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!)];

    [Fact]
    public void A_speaker_page_lists_the_transcripts_they_speak_in_newest_first_with_their_quotes()
    {
        var page = _site.Page("speakers/ron-siegel.html");

        Assert.Equal("Ron Siegel", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["../transcripts/week-2.html", "../transcripts/week-1.html"], Hrefs(page, ".transcripts a"));
        Assert.Contains("Psychologist.", page.QuerySelector(".bio")!.TextContent);
        Assert.Equal("Being in the present moment matters.", page.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Equal("../topics/mindfulness.html", Hrefs(page, ".tag-list a")[0]);
    }

    [Fact]
    public void A_speaker_who_is_not_in_the_registry_gets_a_page_from_the_transcript()
    {
        var page = _site.Page("speakers/sam-guest.html");

        Assert.Equal("Sam Guest", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["../transcripts/guest-talk.html"], Hrefs(page, ".transcripts a"));
    }

    [Fact]
    public void The_speakers_index_lists_everyone()
    {
        var page = _site.Page("speakers/index.html");

        Assert.Equal(["../speakers/kelly-mcgonigal.html", "../speakers/ron-siegel.html", "../speakers/ruth-buczynski.html", "../speakers/sam-guest.html"], Hrefs(page, ".speakers a"));
    }

    [Fact]
    public void A_topic_page_lists_its_transcripts_and_ranked_passages_with_deep_links()
    {
        var page = _site.Page("topics/mindfulness.html");

        Assert.Equal(["../transcripts/week-1.html", "../transcripts/week-2.html"], Hrefs(page, ".transcripts a"));
        Assert.Equal(["../transcripts/week-1.html#t-2", "../transcripts/week-2.html#t-2", "../transcripts/week-1.html#t-1"],
            Hrefs(page, ".passage-source a:first-child"));
        Assert.Equal("../speakers/ron-siegel.html", Hrefs(page, "[aria-labelledby=speakers-title] a")[0]);
    }

    [Fact]
    public void A_topic_declared_in_front_matter_but_not_in_the_registry_gets_a_page()
    {
        var page = _site.Page("topics/animals.html");

        Assert.Equal("Animals", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["../transcripts/guest-talk.html"], Hrefs(page, ".transcripts a"));
    }

    [Fact]
    public void Topics_matched_by_terms_need_two_occurrences_in_a_transcript()
    {
        var shame = _site.Page("topics/shame.html");

        Assert.Equal(["../transcripts/week-2.html"], Hrefs(shame, ".transcripts a"));
    }

    [Fact]
    public void The_topics_index_lists_all_topics_with_counts()
    {
        var page = _site.Page("topics/index.html");

        Assert.Equal(["../topics/animals.html", "../topics/mindfulness.html", "../topics/pets.html", "../topics/shame.html"], Hrefs(page, ".topics a"));
        Assert.Contains("2 transcripts", page.QuerySelectorAll(".topics li")[1].TextContent);
    }

    [Fact]
    public void The_series_page_lists_its_transcripts_in_order()
    {
        var page = _site.Page("series/critical-insights.html");

        Assert.Equal(["../transcripts/week-1.html", "../transcripts/week-2.html"], Hrefs(page, ".transcripts a"));
    }

    [Fact]
    public void The_home_page_shows_latest_transcripts_quotes_speakers_topics_and_a_search_box()
    {
        var page = _site.Page("index.html");

        Assert.Equal(["transcripts/week-2.html", "transcripts/week-1.html", "transcripts/guest-talk.html"], Hrefs(page, ".transcripts a"));
        Assert.Single(page.QuerySelectorAll("blockquote"));
        Assert.Contains("speakers/ron-siegel.html", Hrefs(page, ".tag-list a"));
        Assert.Contains("topics/mindfulness.html", Hrefs(page, ".tag-list a"));
        Assert.NotNull(page.QuerySelector("main form[action='search.html'] input[name=q]"));
    }
}
