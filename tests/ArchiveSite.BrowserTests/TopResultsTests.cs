using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArchiveSite.Build;
using ArchiveSite.Ingest;
using ArchiveSite.Site;
using Microsoft.Playwright;

namespace ArchiveSite.BrowserTests;

/// <summary>
/// A site with a term frequent enough for a top results file (search/tN.js): a query of that term alone shows
/// its first page from that one file, loading no display file; a query of two terms loads display files.
/// From file://, network blocked.
/// </summary>
public sealed class TopResultsTests(TopResultsTests.HarbourSite site) : IClassFixture<TopResultsTests.HarbourSite>
{
    [Fact]
    public async Task A_one_term_query_shows_its_first_page_from_one_top_results_file()
    {
        var (page, loaded) = await site.OpenAsync("harbour");

        Assert.Equal("fast", await page.GetAttributeAsync("#search-results", "data-path"));
        Assert.Single(loaded, path => Regex.IsMatch(path, @"/search/t[0-9a-f]{8}\.js$"));
        Assert.DoesNotContain(loaded, path => Regex.IsMatch(path, @"/search/d\d+-\d+\.js$"));
        Assert.Equal(10, await page.Locator("#search-results li h2 a").CountAsync());
        Assert.Matches(new Regex("^60 results for “harbour”"), await page.TextContentAsync("#search-status") ?? "");

        // The turn saying "harbour" most often ranks first, and the result leads to it.
        var first = page.Locator("#search-results a").First;
        Assert.True(await first.Locator("xpath=ancestor::li").Locator("mark").CountAsync() > 0, "the matched word is highlighted");
        await first.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("#t-" + HarbourSite.MostHarbours, new Uri(page.Url).Fragment);
        Assert.Empty(site.NetworkRequests);
    }

    [Fact]
    public async Task A_query_of_two_terms_loads_display_files()
    {
        var (page, loaded) = await site.OpenAsync("harbour vessel");

        Assert.DoesNotContain(loaded, path => Regex.IsMatch(path, @"/search/t[0-9a-f]{8}\.js$"));
        Assert.Contains(loaded, path => Regex.IsMatch(path, @"/search/d\d+-\d+\.js$"));
        Assert.Equal(10, await page.Locator("#search-results li h2 a").CountAsync());
        Assert.Empty(site.NetworkRequests);
    }

    /// <summary>One transcript of 60 turns, each saying "harbour" a different number of times; built once.</summary>
    public sealed class HarbourSite : IAsyncLifetime
    {
        /// <summary>The number of the turn (t-N) that says "harbour" most often.</summary>
        public const int MostHarbours = 37;

        readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-top-" + Guid.NewGuid().ToString("N"));
        IPlaywright? _playwright;
        IBrowser? _browser;

        public System.Collections.Concurrent.ConcurrentQueue<string> NetworkRequests { get; } = new();

        string Output => Path.Combine(_root, "output");

        public async Task InitializeAsync()
        {
            var input = Path.Combine(_root, "input", "transcripts");
            Directory.CreateDirectory(input);
            File.WriteAllText(Path.Combine(input, "000_harbour.txt"), Transcript());
            var result = SiteBuilder.Build(Path.Combine(_root, "input"), Output, new ThemeFolder(Path.Combine(RepoPaths.Root, "theme")),
                (sourcePath, file) => TranscriptReader.Read(sourcePath, File.ReadAllBytes(file)));
            if (!result.Succeeded)
                throw new InvalidOperationException("the harbour site did not build:\n" + string.Join("\n", result.Diagnostics));
            _playwright = await Playwright.CreateAsync();
            _browser = await DebianChromium.LaunchAsync(_playwright);
        }

        static string Transcript()
        {
            var text = new StringBuilder(" Week 1, Day 1: Ada Lind, PhD and Ben Moss, MD  \n\nShips and Shores \n\n");
            for (var turn = 1; turn <= 60; turn++)
            {
                var harbours = turn == MostHarbours ? 9 : 1 + turn % 4;
                var words = string.Join(" ", Enumerable.Repeat("the harbour", harbours));
                var vessel = turn % 3 == 0 ? " A vessel came in." : "";
                text.Append(turn % 2 == 0 ? "Dr. Lind:  " : "Dr. Moss:  ")
                    .Append(CultureInfo.InvariantCulture, $"Turn {turn} speaks of {words} and of quiet water near town.{vessel}  \n\n");
            }
            return text.ToString();
        }

        public async Task<(IPage Page, IReadOnlyList<string> Loaded)> OpenAsync(string query)
        {
            var context = await _browser!.NewContextAsync();
            await context.RouteAsync(new Regex("^https?:"), async route =>
            {
                NetworkRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
            });
            var page = await context.NewPageAsync();
            var loaded = new List<string>();
            page.Request += (_, request) => loaded.Add(request.Url);
            await page.GotoAsync(new Uri(Path.Combine(Output, "search.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString(query));
            await page.WaitForSelectorAsync("#search-results[data-state=done]");
            return (page, loaded);
        }

        public async Task DisposeAsync()
        {
            if (_browser is not null) await _browser.CloseAsync();
            _playwright?.Dispose();
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
    }
}
