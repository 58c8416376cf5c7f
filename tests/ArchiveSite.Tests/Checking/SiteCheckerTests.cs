using ArchiveSite.Checking;
using ArchiveSite.Cli;

namespace ArchiveSite.Tests.Checking;

public sealed class SiteCheckerTests : IDisposable
{
    readonly string _site = Directory.CreateTempSubdirectory("sitecheck-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    static string Page(string body, string head = "") =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Test</title>{head}</head>
        <body>{body}</body>
        </html>
        """;

    void Write(string path, string text)
    {
        var full = Path.Combine(_site, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>A small site that uses every kind of reference the checker follows, all correctly.</summary>
    void WriteGoodSite()
    {
        Write("index.html", Page(
            """
            <a href="#main">Skip</a>
            <main id="main">
              <a href="transcripts/first.html#t-2">a turn</a>
              <a href="speakers/index.html">speakers</a>
              <a href="search.html?q=empathy">search</a>
              <img src="assets/logo.png" srcset="assets/logo.png 1x, assets/logo%402x.png 2x" alt="">
              <form action="search.html"><input name="q"></form>
            </main>
            """,
            """<link rel="stylesheet" href="assets/site.css"><link rel="canonical" href="https://archive.example.org/index.html"><meta property="og:image" content="https://archive.example.org/assets/logo.png"><script src="assets/site.js"></script>"""));
        Write("search.html", Page("""<a href="index.html">home</a>"""));
        Write("transcripts/first.html", Page(
            """<article><p class="turn" id="t-1">One</p><p class="turn" id="t-2">Two <a href="../speakers/index.html#ron-siegel">Ron</a></p></article>"""));
        Write("speakers/index.html", Page("""<ul><li id="ron-siegel"><a href="../transcripts/first.html">first</a></li></ul>"""));
        Write("assets/site.css", """@font-face { src: url("fonts/noto.woff2") format("woff2"); } /* url(missing-in-comment.png) */ body { background: url(data:image/png;base64,AAAA); }""");
        Write("assets/fonts/noto.woff2", "font");
        Write("assets/site.js", "window.site = {};");
        Write("assets/logo.png", "png");
        Write("assets/logo@2x.png", "png");
        Write("search/manifest.js", """ArchiveSearch.loaded("manifest",0,{"version":"2.3.9","shardCount":2,"groupSize":2,"groups":[""]});""");
        Write("search/g0.js", """ArchiveSearch.loaded("group",0,["","m"]);""");
        Write("search/s0.js", "ArchiveSearch.loaded(\"shard\",0,[]);");
        Write("search/s1.js", "ArchiveSearch.loaded(\"shard\",1,[]);");
    }

    [Fact]
    public void A_correct_site_has_no_problems()
    {
        WriteGoodSite();
        Assert.Empty(SiteChecker.Check(_site));
    }

    [Theory]
    [InlineData("""<a href="transcripts/missing.html">x</a>""", "transcripts/missing.html does not exist")]
    [InlineData("""<a href="transcripts/first.html#t-9">x</a>""", "no id \"t-9\" in transcripts/first.html")]
    [InlineData("""<a href="#nowhere">x</a>""", "no id \"nowhere\" in index.html")]
    [InlineData("""<script src="https://cdn.example.com/lunr.js"></script>""", "refers to the network")]
    [InlineData("""<img src="//cdn.example.com/a.png" alt="">""", "refers to the network")]
    [InlineData("""<a href="https://example.com/">elsewhere</a>""", "refers to the network")]
    [InlineData("""<iframe src="http://example.com/embed"></iframe>""", "refers to the network")]
    [InlineData("""<a href="/transcripts/first.html">x</a>""", "is root-relative")]
    [InlineData("""<a href="speakers/">x</a>""", "is a folder URL")]
    [InlineData("""<a href="speakers">x</a>""", "is a folder URL")]
    [InlineData("""<a href="../outside.html">x</a>""", "points outside the site")]
    [InlineData("""<img src="assets/missing.png" alt="">""", "assets/missing.png does not exist")]
    [InlineData("""<img srcset="assets/logo.png 1x, assets/gone.png 2x" alt="">""", "assets/gone.png does not exist")]
    [InlineData("""<script type="module" src="assets/site.js"></script>""", "script type=\"module\"")]
    [InlineData("""<a href="javascript:alert(1)">x</a>""", "uses the javascript: scheme")]
    [InlineData("""<p id="t-1">a</p><p id="t-1">b</p>""", "duplicate id \"t-1\"")]
    [InlineData("""<div><p>unclosed</span></div>""", "HTML parse error")]
    [InlineData("""<a href="">x</a>""", "a href is empty")]
    [InlineData("""<a href="#">x</a>""", "has an empty anchor")]
    public void A_broken_reference_on_the_front_page_is_reported_against_it(string brokenHtml, string expected)
    {
        WriteGoodSite();
        Write("index.html", Page(brokenHtml));

        var problems = SiteChecker.Check(_site);

        var problem = Assert.Single(problems);
        Assert.Equal("index.html", problem.File);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void A_stylesheet_that_loads_a_missing_font_or_a_network_font_is_reported()
    {
        WriteGoodSite();
        Write("assets/site.css", """@import "https://fonts.example.com/css"; @font-face { src: url('fonts/gone.woff2'); }""");

        var problems = SiteChecker.Check(_site).Select(p => p.ToString()).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("assets/site.css: ") && p.Contains("refers to the network"));
        Assert.Contains(problems, p => p.StartsWith("assets/site.css: ") && p.Contains("assets/fonts/gone.woff2 does not exist"));
    }

    [Fact]
    public void A_shard_listed_in_the_search_manifest_must_exist()
    {
        WriteGoodSite();
        File.Delete(Path.Combine(_site, "search/s1.js"));

        var problem = Assert.Single(SiteChecker.Check(_site));

        Assert.Equal("search/manifest.js: lists search/s1.js, which does not exist", problem.ToString());
    }

    [Fact]
    public void A_site_without_a_front_page_or_folder_is_reported()
    {
        Assert.Contains(SiteChecker.Check(_site), p => p.File == "index.html" && p.Message.Contains("missing"));
        Assert.Single(SiteChecker.Check(Path.Combine(_site, "nope")));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        WriteGoodSite();
        Write("transcripts/first.html", Page("""<a href="../a.html">a</a><a href="../b.html">b</a><a href="/c.html">c</a>"""));

        var problems = SiteChecker.Check(_site);

        Assert.Equal(3, problems.Count(p => p.File == "transcripts/first.html"));
        Assert.Contains(problems, p => p.File == "index.html" && p.Message.Contains("no id \"t-2\""));
    }

    [Fact]
    public async Task The_check_command_exits_zero_on_a_good_site_and_one_on_a_broken_one()
    {
        WriteGoodSite();
        Assert.Equal(0, await CommandRunner.RunAsync(["check", "--output", _site]));

        File.Delete(Path.Combine(_site, "assets/logo.png"));
        Assert.Equal(1, await CommandRunner.RunAsync(["check", "--output", _site]));
    }
}
