using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ArchiveSite.Build;
using ArchiveSite.Site;
using Microsoft.Playwright;

namespace ArchiveSite.BrowserTests;

/// <summary>
/// The sample archive in input/, built and opened from file:// in Debian's chromium with the network
/// refused: a reader follows a speaker link, a topic link and a turn link.
/// </summary>
public sealed class NavigationTests(NavigationTests.SampleSite site) : IClassFixture<NavigationTests.SampleSite>
{
    [Fact]
    public async Task A_speaker_link_on_a_transcript_opens_the_speaker_page_listing_that_transcript()
    {
        var page = await site.OpenAsync("transcripts/01-sleep-and-the-restless-mind.html");

        await page.Locator("#t-2 a.speaker").ClickAsync();

        Assert.EndsWith("/speakers/tomas-lindqvist.html", page.Url);
        Assert.Equal("Tomas Lindqvist", await page.Locator("h1").TextContentAsync());
        Assert.Contains("Sleep and the Restless Mind", await page.Locator(".transcripts").TextContentAsync());
        Assert.Empty(site.NetworkRequests);
    }

    [Fact]
    public async Task A_topic_link_opens_the_topic_page_and_its_passage_link_lands_on_the_turn()
    {
        var page = await site.OpenAsync("index.html");

        await page.Locator(".tag-list a", new PageLocatorOptions { HasText = "Sleep" }).First.ClickAsync();
        Assert.EndsWith("/topics/sleep.html", page.Url);
        Assert.Equal("Sleep", await page.Locator("h1").TextContentAsync());

        await page.Locator(".passage-source a").First.ClickAsync();
        var url = new Uri(page.Url);
        Assert.Equal("file", url.Scheme);
        Assert.Matches(@"^#t-\d+$", url.Fragment);
        var turn = page.Locator(url.Fragment);
        Assert.Contains("sleep", (await turn.TextContentAsync() ?? "").ToLowerInvariant());
        Assert.True(await page.EvaluateAsync<bool>($"document.querySelector('{url.Fragment}').matches(':target')"));
        Assert.Empty(site.NetworkRequests);
    }

    [Fact]
    public async Task A_turn_link_makes_that_turn_the_target_and_is_a_shareable_address()
    {
        var page = await site.OpenAsync("transcripts/02-attention-in-a-distracted-age.html");

        await page.Locator("#t-4 a.turn-link").ClickAsync();

        Assert.EndsWith("02-attention-in-a-distracted-age.html#t-4", page.Url);
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('t-4').matches(':target')"));
        var reopened = await site.OpenAsync("transcripts/02-attention-in-a-distracted-age.html#t-4");
        Assert.True(await reopened.EvaluateAsync<bool>("document.getElementById('t-4').matches(':target')"));
        Assert.Empty(site.NetworkRequests);
    }

    [Fact]
    public async Task The_search_box_of_a_nested_page_submits_to_the_root_search_page()
    {
        var page = await site.OpenAsync("speakers/ana-ribeiro.html");

        await page.FillAsync("#site-search", "burnout");
        await page.PressAsync("#site-search", "Enter");
        await page.WaitForLoadStateAsync(LoadState.Load);

        var url = new Uri(page.Url);
        Assert.Equal(site.FileUrl("search.html"), url.GetLeftPart(UriPartial.Path));
        Assert.Equal("?q=burnout", url.Query);
    }

    [Fact]
    public async Task The_copy_link_button_of_a_quote_page_copies_the_quotes_address()
    {
        var page = await site.OpenAsync("quotes/01-sleep-and-the-restless-mind-ce75c3a3.html");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var address = await page.Locator("button.copy-link").GetAttributeAsync("data-url");

        await page.Locator("button.copy-link").ClickAsync();
        await page.WaitForFunctionAsync("document.querySelector('.copy-status').textContent.length > 0");

        Assert.StartsWith("https://", address);
        Assert.Equal("Link copied", await page.Locator(".copy-status").TextContentAsync());
        Assert.Equal(address, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        Assert.Empty(site.NetworkRequests);
    }

    /// <summary>The sample site, built once, and one chromium whose every http(s) request is recorded and refused.</summary>
    public sealed class SampleSite : IAsyncLifetime
    {
        readonly string _output = Path.Combine(Path.GetTempPath(), "archivesite-browse-" + Guid.NewGuid().ToString("N"));
        IPlaywright? _playwright;
        IBrowser? _browser;

        public ConcurrentQueue<string> NetworkRequests { get; } = new();

        public string FileUrl(string relative) => new Uri(Path.Combine(_output, relative)).AbsoluteUri;

        public async Task InitializeAsync()
        {
            var root = RepoPaths.Root;
            var result = SiteBuilder.Build(Path.Combine(root, "input"), _output, new ThemeFolder(Path.Combine(root, "theme")));
            if (!result.Succeeded)
                throw new InvalidOperationException("the sample site did not build:\n" + string.Join("\n", result.Diagnostics));
            _playwright = await Playwright.CreateAsync();
            _browser = await DebianChromium.LaunchAsync(_playwright);
        }

        public async Task<IPage> OpenAsync(string relative)
        {
            var context = await _browser!.NewContextAsync();
            await context.RouteAsync(new Regex("^https?:"), async route =>
            {
                NetworkRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
            });
            var page = await context.NewPageAsync();
            var hash = relative.IndexOf('#');
            var url = hash < 0 ? FileUrl(relative) : FileUrl(relative[..hash]) + relative[hash..];
            await page.GotoAsync(url);
            return page;
        }

        public async Task DisposeAsync()
        {
            if (_browser is not null)
                await _browser.CloseAsync();
            _playwright?.Dispose();
            if (Directory.Exists(_output))
                Directory.Delete(_output, recursive: true);
        }

    }
}
