using System.IO.Compression;
using ArchiveSite.Download;

namespace ArchiveSite.BrowserTests;

/// <summary>
/// The offline download of the seed site, unzipped and opened from disk in Debian's chromium with every network
/// request blocked: search works in the copy as in the site, and its footer shows the download's size.
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

    [Fact]
    public async Task The_footer_of_the_unzipped_copy_shows_the_size_of_the_download()
    {
        ZipFile.ExtractToDirectory(site.DownloadPath, _unzipped);
        var transcript = Directory.GetFiles(Path.Combine(_unzipped, "archive", "transcripts"), "*.html").First();

        var page = await site.NewPageAsync();
        await page.GotoAsync(new Uri(transcript).AbsoluteUri);
        // Generated content is in no DOM text; the computed style is what the reader sees after the link.
        var shown = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.site-footer .archive-size'), '::before').content");

        Assert.Equal($"\" ({ArchiveZip.FormatSize(new FileInfo(site.DownloadPath).Length)})\"", shown);
        Assert.Empty(site.NetworkRequests);
    }
}
