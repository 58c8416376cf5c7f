using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ArchiveSite.Build;
using ArchiveSite.Ingest;
using ArchiveSite.Site;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArchiveSite.BrowserTests;

/// <summary>
/// The seed built into a site and searched in Debian's chromium from file://, with every network request
/// blocked: each known-item query's first result must land on a turn holding the word.
/// </summary>
[Trait("Category", "Shared")]
public sealed class SearchTests(SearchTests.SeedSite site, ITestOutputHelper output) : IClassFixture<SearchTests.SeedSite>
{
    [Theory]
    [InlineData("insula", "insula")]
    [InlineData("Linehan", "linehan")]
    [InlineData("willingness", "willingness")]
    [InlineData("recrimin*", "recrimin")]
    [InlineData("empthy~1", "empathy")]
    [InlineData("speaker:siegel pacing", "pacing")]
    public async Task The_first_result_lands_on_a_turn_holding_the_word(string query, string word)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SearchUrl(query));
        await page.WaitForSelectorAsync("#search-results[data-state]");
        Assert.Equal("done", await page.GetAttributeAsync("#search-results", "data-state"));
        output.WriteLine($"{query}: results shown {await page.GetAttributeAsync("#search-results", "data-search-ms")} ms after the last shard arrived; " +
                         await page.TextContentAsync("#search-status"));

        var first = page.Locator("#search-results a").First;
        Assert.Contains(word, (await first.Locator("xpath=ancestor::li").TextContentAsync() ?? "").ToLowerInvariant());
        Assert.True(await first.Locator("xpath=ancestor::li").Locator("mark").CountAsync() > 0, "the matched words are highlighted");

        await first.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        var url = new Uri(page.Url);
        Assert.Equal("file", url.Scheme);
        Assert.Matches(@"^#t-\d+$", url.Fragment);
        var turn = page.Locator(url.Fragment);
        Assert.Contains(word, (await turn.TextContentAsync() ?? "").ToLowerInvariant());
        Assert.Contains("search-target", await turn.GetAttributeAsync("class") ?? "");
        Assert.Empty(site.NetworkRequests);
    }

    [Theory]
    [InlineData("empathy", "fast")]
    [InlineData("recrimin*", "fast")]
    [InlineData("speaker:siegel pacing", "fast")]
    [InlineData("empthy~1", "lunr")]
    [InlineData("-empathy", "lunr")]
    public async Task The_first_page_comes_from_the_fast_path_and_lunr_agrees_on_show_more(string query, string path)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SearchUrl(query));
        await page.WaitForSelectorAsync("#search-results[data-state=done]");
        Assert.Equal(path, await page.GetAttributeAsync("#search-results", "data-path"));
        Assert.True(await page.Locator("#search-results li").CountAsync() > 0);
        if (path != "fast" || await page.Locator(".search-more").CountAsync() == 0) return;

        // lunr's own query runs only when more results are asked for, so typing never waits for it.
        Assert.Null(await page.GetAttributeAsync("#search-results", "data-lunr"));
        await page.ClickAsync(".search-more");
        await page.WaitForSelectorAsync("#search-results[data-lunr]");
        Assert.Equal("same", await page.GetAttributeAsync("#search-results", "data-lunr"));
    }

    [Fact]
    public async Task The_search_page_loads_no_font_file()
    {
        var page = await site.NewPageAsync();
        var fonts = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith(".woff2", StringComparison.Ordinal)) fonts.Enqueue(request.Url);
        };
        await page.GotoAsync(site.SearchUrl("speaker:siegel pacing"));
        await page.WaitForSelectorAsync("#search-results[data-state=done] a");
        await page.EvaluateAsync("document.fonts.ready");
        Assert.Empty(fonts);
        Assert.StartsWith("Georgia", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.search-result-title')).fontFamily"));
    }

    [Fact]
    public async Task Show_more_continues_the_fast_paths_first_page_with_lunrs_list()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SearchUrl("empathy"));
        await page.WaitForSelectorAsync("#search-results[data-state=done] .search-more");
        var firstPage = await page.Locator("#search-results li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(10, firstPage.Length);
        var total = int.Parse(Regex.Match(await page.TextContentAsync("#search-status") ?? "", @"^(\d+) results").Groups[1].Value);
        Assert.True(total > 10, $"the seed should give more than a page of results for empathy, got {total}");

        await page.ClickAsync(".search-more");
        // Places are reserved at once and filled as display files arrive: wait until every one is filled.
        await page.WaitForFunctionAsync(
            "document.querySelectorAll('#search-results li').length > 10 && !document.querySelector('#search-results li.search-result-pending')");
        var links = await page.Locator("#search-results li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(Math.Min(20, total), links.Length);
        Assert.Equal(firstPage, links.Take(10));
        Assert.Equal(links.Length, links.Distinct().Count());
    }

    [Fact]
    public async Task A_speaker_search_ranks_that_speakers_turns_first()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SearchUrl("speaker:siegel pacing"));
        await page.WaitForSelectorAsync("#search-results[data-state=done]");
        Assert.Contains("Siegel", await page.Locator("#search-results .search-result-meta").First.TextContentAsync());
    }

    [Theory]
    [InlineData("speaker:", "could not be read")]
    [InlineData("nosuchfield:word", "could not be read")]
    [InlineData("zzxqvw", "No turns match")]
    public async Task Unreadable_and_empty_searches_say_so_plainly(string query, string message)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SearchUrl(query));
        await page.WaitForSelectorAsync("#search-results[data-state=done], #search-results[data-state=error]");
        Assert.Contains(message, await page.TextContentAsync("#search-results"));
        Assert.NotEqual("", (await page.TextContentAsync("#search-status"))?.Trim());
        Assert.Empty(site.NetworkRequests);
    }

    [Fact]
    public async Task Typing_searches_and_the_arrow_keys_reach_the_results()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SearchUrl(""));
        await page.FocusAsync("#search-query");
        await page.Keyboard.TypeAsync("empathy");
        await page.WaitForSelectorAsync("#search-results[data-state=done] a");
        Assert.Matches(new Regex(@"^\d+ results? for “empathy”"), await page.TextContentAsync("#search-status") ?? "");
        Assert.Equal("polite", await page.GetAttributeAsync("#search-status", "aria-live"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(await page.Locator("#search-results a").First.GetAttributeAsync("href"),
            await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
    }

    /// <summary>
    /// Results are drawn as their display files arrive, each in a place reserved for it: when the page is done
    /// every place holds a result (a link), in rank order, and the status was announced once, with the first
    /// result, which showed no later than the whole page.
    /// </summary>
    [Fact]
    public async Task Results_fill_their_reserved_places_and_the_count_is_announced_once()
    {
        var page = await site.NewPageAsync();
        await page.AddInitScriptAsync("""
            window.__statuses = []
            new MutationObserver(function () {
              var status = document.getElementById("search-status")
              if (status && status.textContent && status.textContent !== window.__statuses[window.__statuses.length - 1]) window.__statuses.push(status.textContent)
            }).observe(document, { subtree: true, childList: true, characterData: true })
            """);
        await page.GotoAsync(site.SearchUrl("empathy"));
        await page.WaitForSelectorAsync("#search-results[data-state=done]");

        Assert.Equal(0, await page.Locator(".search-result-pending").CountAsync());
        var places = await page.Locator("#search-results li").CountAsync();
        Assert.Equal(10, places);
        Assert.Equal(places, await page.Locator("#search-results li h2 a").CountAsync());
        var statuses = await page.EvaluateAsync<string[]>("window.__statuses");
        Assert.Equal(["Searching…", await page.TextContentAsync("#search-status") ?? ""], statuses);
        Assert.Matches(new Regex(@"^\d+ results for “empathy”, showing 10\.$"), statuses[^1]);
        var first = double.Parse(await page.GetAttributeAsync("#search-results", "data-first-ms") ?? "NaN", System.Globalization.CultureInfo.InvariantCulture);
        var all = double.Parse(await page.GetAttributeAsync("#search-results", "data-search-ms") ?? "NaN", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(first, 0, all);
    }

    [Fact]
    public async Task The_speaker_filter_keeps_only_that_speakers_turns()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.SearchUrl("empathy") + "&speaker=" + Uri.EscapeDataString(site.AnySpeakerNamed("Siegel")));
        await page.WaitForSelectorAsync("#search-results[data-state=done] a");
        var metas = await page.Locator("#search-results .search-result-meta").AllTextContentsAsync();
        Assert.NotEmpty(metas);
        Assert.All(metas, meta => Assert.Contains("Siegel", meta));
    }

    /// <summary>The seed site, built once, and one chromium whose every http(s) request is recorded and refused.</summary>
    public sealed class SeedSite : IAsyncLifetime
    {
        readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-search-" + Guid.NewGuid().ToString("N"));
        IPlaywright? _playwright;
        IBrowser? _browser;

        public ConcurrentQueue<string> NetworkRequests { get; } = new();

        string Output => Path.Combine(_root, "output");

        /// <summary>The built site's offline download.</summary>
        public string DownloadPath => Path.Combine(Output, "archive.zip");

        public string SearchUrl(string query) =>
            new Uri(Path.Combine(Output, "search.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString(query);

        public string AnySpeakerNamed(string surname)
        {
            var facets = File.ReadAllText(Path.Combine(Output, "search", "facets.js"));
            return Regex.Match(facets, "\"([^\"]*" + surname + ")\"").Groups[1].Value;
        }

        public async Task InitializeAsync()
        {
            var input = Path.Combine(_root, "input", "transcripts");
            Directory.CreateDirectory(input);
            File.Copy(RepoPaths.SharedFile("seeds/000_6031f5502a71255c.txt"), Path.Combine(input, "000_6031f5502a71255c.txt"));
            var result = SiteBuilder.Build(Path.Combine(_root, "input"), Output, new ThemeFolder(Path.Combine(RepoPaths.Root, "theme")),
                (sourcePath, file) => TranscriptReader.Read(sourcePath, File.ReadAllBytes(file)));
            if (!result.Succeeded)
                throw new InvalidOperationException("the seed site did not build:\n" + string.Join("\n", result.Diagnostics));

            _playwright = await Playwright.CreateAsync();
            _browser = await DebianChromium.LaunchAsync(_playwright);
        }

        public async Task<IPage> NewPageAsync()
        {
            var context = await _browser!.NewContextAsync();
            await context.RouteAsync(new Regex("^https?:"), async route =>
            {
                NetworkRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
            });
            var page = await context.NewPageAsync();
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                    NetworkRequests.Enqueue(request.Url);
            };
            return page;
        }

        public async Task DisposeAsync()
        {
            if (_browser is not null) await _browser.CloseAsync();
            _playwright?.Dispose();
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
    }
}
