using ArchiveSite.Model;
using ArchiveSite.Tests.Build;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Site;

public sealed class EscapingTests : IDisposable
{
    const string Script = "<script>alert('x')</script>";
    const string AttributeBreaker = "\" onmouseover=\"alert(1)";
    const string ScriptCloser = "</script><script>alert(2)</script>";

    readonly BuiltSite _site = new(SampleInput(Make("hostile", "Title " + ScriptCloser + AttributeBreaker,
        [new Speaker("mallory", "Mallory " + Script, "<b>PhD</b>", ["Mallory"])],
        [new Section("Heading " + Script, 1, [Turn("mallory", "Hello " + Script + " & goodbye " + AttributeBreaker, "Ron Siegel <i>said</i>")])],
        series: "Series " + AttributeBreaker, topics: ["Topic " + Script],
        quotes: [new Quote("Quote " + Script, "mallory", null, 1, 3)])));

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Transcript_text_never_becomes_markup_in_any_page()
    {
        Assert.True(_site.Result.Succeeded, string.Join("\n", _site.Result.Errors));
        foreach (var file in Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = _site.Page(Path.GetRelativePath(_site.Output, file));
            Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert")
                && s.GetAttribute("type") != "application/ld+json");
            Assert.Empty(page.QuerySelectorAll("[onmouseover]"));
            Assert.Empty(page.QuerySelectorAll("main b, main i"));
        }
    }

    [Fact]
    public void The_text_reads_as_written()
    {
        var page = _site.Page("transcripts/hostile.html");

        Assert.Equal("Title " + ScriptCloser + AttributeBreaker, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Hello " + Script + " & goodbye " + AttributeBreaker, page.QuerySelector("#t-1")!.TextContent);
        Assert.Equal("Mallory " + Script, page.QuerySelector("#t-1 a.speaker")!.TextContent);
        Assert.Equal("Title " + ScriptCloser + AttributeBreaker + " · Test Archive", page.Title);
        Assert.StartsWith("Transcript of Title " + ScriptCloser + AttributeBreaker, page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public void Json_ld_cannot_be_closed_by_transcript_text_and_still_parses_to_the_title()
    {
        var page = _site.Page("transcripts/hostile.html");

        var scripts = page.QuerySelectorAll("script[type='application/ld+json']");
        var json = System.Text.Json.JsonDocument.Parse(Assert.Single(scripts).TextContent);
        Assert.Equal("Title " + ScriptCloser + AttributeBreaker, json.RootElement.GetProperty("name").GetString());
        Assert.DoesNotContain("</script", scripts[0].InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_mention_link_keeps_the_text_around_it_escaped()
    {
        var page = _site.Page("transcripts/hostile.html");

        var paragraph = page.QuerySelectorAll("#t-1 p")[2];
        Assert.Equal("Ron Siegel <i>said</i>", paragraph.TextContent);
        Assert.Equal("Ron Siegel", Assert.Single(paragraph.QuerySelectorAll("a.mention")).TextContent);
    }

    [Fact]
    public void The_feed_carries_hostile_titles_as_text()
    {
        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(_site.Output, "feed.xml"));
        Assert.Contains(feed.Descendants().Where(e => e.Name.LocalName == "title"), t => t.Value == "Title " + ScriptCloser + AttributeBreaker);
    }
}
