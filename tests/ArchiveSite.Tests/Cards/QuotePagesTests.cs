using AngleSharp.Html.Parser;
using ArchiveSite.Build;
using ArchiveSite.Cards;
using ArchiveSite.Checking;
using ArchiveSite.Model;
using ArchiveSite.Site.Pages;
using ArchiveSite.Tests.Build;
using ArchiveSite.Tests.Support;
using SkiaSharp;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Cards;

public sealed class QuotePagesTests : IDisposable
{
    const string Hostile = "<script>alert(1)</script> & \"quoted\" Größe, память, 记忆";

    readonly BuiltSite _site = new(SampleInput(Make("hostile", "Hostile <b>title</b>",
        [new Speaker("mallory", "Mallory <i>M</i>", "<b>PhD</b>", ["Mallory"])],
        [new Section("Part <em>one</em>", 1, [Turn("mallory", "Before. " + Hostile + " After.")])],
        quotes: [new Quote(Hostile, "mallory", "Part <em>one</em>", 1, 3)])));

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Quote_page_shows_the_quote_as_text_links_speaker_and_turn_and_points_og_image_at_its_card()
    {
        Assert.True(_site.Result.Succeeded, string.Join("\n", _site.Result.Errors));
        var quote = _site.Result.Site!.Archive.Quotes.Single(q => q.TranscriptSlug == "hostile");
        var page = _site.Page($"quotes/{quote.Id}.html");

        Assert.Equal(Hostile, page.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert"));
        Assert.Empty(page.QuerySelectorAll("main b, main i, main em"));
        Assert.Equal("../speakers/mallory.html", page.QuerySelector("figcaption a")!.GetAttribute("href"));
        Assert.Contains("<b>PhD</b>", page.QuerySelector("figcaption .credentials")!.TextContent);
        Assert.Equal("../transcripts/hostile.html#t-1", page.QuerySelector("a.quote-turn")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("button.copy-link"));

        var card = $"https://example.org/archive/cards/{quote.Id}.png";
        Assert.Equal(card, page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal(card, page.QuerySelector("meta[name='twitter:image']")!.GetAttribute("content"));
        using var image = SKBitmap.Decode(Path.Combine(_site.Output, "cards", quote.Id + ".png"));
        Assert.Equal((1200, 630), (image.Width, image.Height));
    }

    [Fact]
    public void Quotes_index_lists_every_quote_by_speaker_and_by_topic_and_all_links_resolve()
    {
        var archive = _site.Result.Site!.Archive;
        var index = _site.Page(QuotesIndexPage.Path);

        var bySpeaker = index.QuerySelectorAll("#by-speaker li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(archive.Quotes.Select(q => $"../quotes/{q.Id}.html").Order(), bySpeaker.Order());
        Assert.NotEmpty(index.QuerySelectorAll("#by-topic h3 a"));
        Assert.Contains(index.QuerySelectorAll("#by-speaker h3"), h => h.TextContent == "Mallory <i>M</i>");
        Assert.True(File.Exists(Path.Combine(_site.Output, WriteQuoteCards.FontCredits)));
        var links = LinkChecker.Check(_site.Output);
        Assert.True(links.AllResolve, string.Join("\n", links.Problems));
    }
}

[Trait("Category", "Shared")]
public sealed class SeedQuotePagesTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-seed-quotes-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    BuildResult BuildSeed(string output)
    {
        var seed = RepoPaths.SharedFile("seeds/000_6031f5502a71255c.txt");
        var input = Path.Combine(_root, "input", "transcripts");
        Directory.CreateDirectory(input);
        File.Copy(seed, Path.Combine(input, Path.GetFileName(seed)), overwrite: true);
        var result = SiteBuilder.Build(Path.Combine(_root, "input"), Path.Combine(_root, output), BuiltSite.Theme);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result;
    }

    [Fact]
    public void Every_seed_quote_has_a_page_linking_to_its_turn_and_the_same_card_in_two_builds()
    {
        var first = BuildSeed("first");
        var second = BuildSeed("second");
        var archive = first.Site!.Archive;

        Assert.Equal(13, archive.Quotes.Count);
        using var fonts = CardFonts.Load(BuiltSite.Theme.Root);
        using var renderer = new CardRenderer(fonts);
        foreach (var quote in archive.Quotes)
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_root, "first", "quotes", quote.Id + ".html")));
            Assert.NotNull(quote.Turn);
            Assert.Equal($"../transcripts/{quote.TranscriptSlug}.html#t-{quote.Turn}", page.QuerySelector("a.quote-turn")?.GetAttribute("href"));
            Assert.Equal(quote.Text, page.QuerySelector("blockquote")!.TextContent.Trim());

            var card = File.ReadAllBytes(Path.Combine(_root, "first", "cards", quote.Id + ".png"));
            Assert.Equal(card, File.ReadAllBytes(Path.Combine(_root, "second", "cards", quote.Id + ".png")));
            // The cached card is what a fresh renderer draws today.
            Assert.Equal(card, renderer.RenderPng(WriteQuoteCards.CardOf(archive, quote)));
        }
        Assert.Equal(archive.Quotes.Select(q => q.Id), second.Site!.Archive.Quotes.Select(q => q.Id));
    }
}
