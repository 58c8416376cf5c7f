using System.IO.Compression;

namespace ArchiveSite.BrowserTests;

/// <summary>
/// The offline download of the seed site, unzipped and opened from disk in Debian's chromium with every network
/// request blocked: search works in the copy as in the site.
/// </summary>
[Trait("Category", "Shared")]
public sealed class DownloadTests(SearchTests.SeedSite site) : IClassFixture<SearchTests.SeedSite>, IDisposable
{
    readonly string _unzipped = Directory.CreateTempSubdirectory("archivesite-download-").FullName;

    public void Dispose() => Directory.Delete(_unzipped, recursive: true);

    [Fact]
    public async Task Search_works_in_the_unzipped_copy_opened_from_disk()
    {
        ZipFile.ExtractToDirectory(site.DownloadPath, _unzipped);
        var searchPage = Path.Combine(_unzipped, "archive", "search.html");
        Assert.True(File.Exists(searchPage), "the copy has its search page");

        var page = await site.NewPageAsync();
        await page.GotoAsync(new Uri(searchPage).AbsoluteUri + "?q=insula");
        await page.WaitForSelectorAsync("#search-results[data-state]");

        Assert.Equal("done", await page.GetAttributeAsync("#search-results", "data-state"));
        var first = page.Locator("#search-results a").First;
        Assert.Contains("insula", (await first.Locator("xpath=ancestor::li").TextContentAsync() ?? "").ToLowerInvariant());
        Assert.StartsWith(new Uri(_unzipped).AbsoluteUri, new Uri(new Uri(page.Url), await first.GetAttributeAsync("href") ?? "").AbsoluteUri);
        Assert.Empty(site.NetworkRequests);
    }
}
