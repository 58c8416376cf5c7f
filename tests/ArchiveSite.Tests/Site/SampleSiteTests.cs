using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ArchiveSite.Build;
using ArchiveSite.Checking;
using ArchiveSite.Tests.Build;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Site;

/// <summary>The sample archive in input/, built the way the build command builds it, read back with AngleSharp.</summary>
public sealed class SampleSiteTests : IClassFixture<SampleSiteTests.Built>
{
    public sealed class Built : IDisposable
    {
        public string Output { get; } = Path.Combine(Path.GetTempPath(), "archivesite-sample-" + Guid.NewGuid().ToString("N"));
        public BuildResult Result { get; }

        public Built() => Result = SiteBuilder.Build(Path.Combine(RepoPaths.Root, "input"), Output, BuiltSite.Theme);

        public IDocument Page(string relative) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, relative)));

        public void Dispose() => Directory.Delete(Output, recursive: true);
    }

    readonly Built _site;

    public SampleSiteTests(Built site) => _site = site;

    static string[] Hrefs(IDocument page, string selector) => [.. page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!)];

    [Fact]
    public void The_sample_builds_without_errors_or_warnings_from_all_four_formats()
    {
        Assert.True(_site.Result.Succeeded, string.Join("\n", _site.Result.Errors));
        Assert.Empty(_site.Result.Warnings);
        Assert.Equal([".md", ".srt", ".txt", ".vtt"],
            _site.Result.Site!.Archive.Transcripts.Select(t => Path.GetExtension(t.Source.SourcePath)).Order());
    }

    [Fact]
    public void Every_relative_link_and_anchor_resolves()
    {
        var report = LinkChecker.Check(_site.Output);

        Assert.True(report.AllResolve, string.Join("\n", report.Problems));
        Assert.True(report.PagesChecked >= 20);
    }

    [Fact]
    public void Speaker_pages_list_the_transcripts_each_person_speaks_in()
    {
        Assert.Equal(["../transcripts/04-compassion-at-work.html", "../transcripts/03-burnout-and-recovery.html"],
            Hrefs(_site.Page("speakers/joseph-okafor.html"), ".transcripts a"));
        Assert.Equal(["../transcripts/01-sleep-and-the-restless-mind.html"],
            Hrefs(_site.Page("speakers/tomas-lindqvist.html"), ".transcripts a"));
        Assert.Equal(4, _site.Page("speakers/ana-ribeiro.html").QuerySelectorAll(".transcripts a").Length);
        Assert.Equal(4, _site.Page("speakers/index.html").QuerySelectorAll(".speakers a").Length);
    }

    [Fact]
    public void Topic_pages_list_the_transcripts_that_discuss_them_with_deep_links_to_turns()
    {
        var sleep = _site.Page("topics/sleep.html");

        Assert.Contains("../transcripts/01-sleep-and-the-restless-mind.html", Hrefs(sleep, ".transcripts a"));
        Assert.DoesNotContain("../transcripts/02-attention-in-a-distracted-age.html", Hrefs(sleep, ".transcripts a"));
        Assert.All(Hrefs(sleep, ".passage-source a:first-child"), href => Assert.Matches(@"^\.\./transcripts/[a-z0-9-]+\.html#t-\d+$", href));
        Assert.StartsWith("../transcripts/01-sleep-and-the-restless-mind.html#t-", Hrefs(sleep, ".passage-source a:first-child")[0]);
        Assert.Contains("../transcripts/04-compassion-at-work.html", Hrefs(_site.Page("topics/compassion.html"), ".transcripts a"));
    }

    [Fact]
    public void The_series_runs_in_episode_order_with_previous_and_next()
    {
        Assert.Equal(
        [
            "../transcripts/01-sleep-and-the-restless-mind.html", "../transcripts/02-attention-in-a-distracted-age.html",
            "../transcripts/03-burnout-and-recovery.html", "../transcripts/04-compassion-at-work.html",
        ], Hrefs(_site.Page("series/the-quiet-hour.html"), ".transcripts a"));
        Assert.Equal("../transcripts/02-attention-in-a-distracted-age.html",
            _site.Page("transcripts/01-sleep-and-the-restless-mind.html").QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_pdf_style_transcript_keeps_its_sections_and_pull_quote_and_drops_its_page_footers()
    {
        var page = _site.Page("transcripts/01-sleep-and-the-restless-mind.html");

        Assert.Equal(["Why the Mind Races at Night", "What Actually Helps"], page.QuerySelectorAll(".toc a").Select(a => a.TextContent));
        Assert.Contains("failure of the transition into sleep", page.QuerySelector(".pull-quote blockquote")!.TextContent);
        Assert.DoesNotContain("pg.", page.QuerySelector(".transcript-body")!.TextContent);
        Assert.Equal("Tomas Lindqvist", page.QuerySelector("#t-2 a.speaker")!.TextContent);
    }
}

/// <summary>The seed transcript from the shared folder, built as a one-transcript archive.</summary>
[Trait("Category", "Shared")]
public sealed class SeedSiteTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-seed-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_seed_page_has_fourteen_turn_anchors_numbered_in_order()
    {
        var seed = RepoPaths.SharedFile("seeds/000_6031f5502a71255c.txt");
        Directory.CreateDirectory(Path.Combine(_root, "input", "transcripts"));
        File.Copy(seed, Path.Combine(_root, "input", "transcripts", Path.GetFileName(seed)));

        var result = SiteBuilder.Build(Path.Combine(_root, "input"), Path.Combine(_root, "output"), BuiltSite.Theme);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var slug = Assert.Single(result.Site!.Archive.Transcripts).Slug;
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_root, "output", "transcripts", slug + ".html")));
        Assert.Equal(Enumerable.Range(1, 14).Select(n => $"t-{n}"), page.QuerySelectorAll(".turn").Select(t => t.Id));
        Assert.True(LinkChecker.Check(Path.Combine(_root, "output")).AllResolve);
    }
}
