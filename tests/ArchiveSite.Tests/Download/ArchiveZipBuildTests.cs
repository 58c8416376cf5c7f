using System.IO.Compression;
using System.Text.RegularExpressions;
using ArchiveSite.Build;
using ArchiveSite.Checking;
using ArchiveSite.Download;
using ArchiveSite.Tests.Build;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Download;

public sealed class ArchiveZipBuildTests : IDisposable
{
    readonly string _temp = Directory.CreateTempSubdirectory("archivezip-build-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    string BuildSample(string name)
    {
        var output = Path.Combine(_temp, name);
        var result = SiteBuilder.Build(Path.Combine(RepoPaths.Root, "input"), output, BuiltSite.Theme);
        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        return output;
    }

    [Fact]
    public void The_build_writes_a_download_whose_size_every_page_shows_through_one_style_sheet_and_two_builds_give_the_same_bytes()
    {
        var first = BuildSample("first");
        var second = BuildSample("second");

        var zipPath = Path.Combine(first, ArchiveZip.FileName);
        var bytes = File.ReadAllBytes(zipPath);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second, ArchiveZip.FileName)));

        Assert.Equal(DownloadSize.Style(ArchiveZip.FormatSize(bytes.Length)), File.ReadAllBytes(Path.Combine(first, ArchiveZip.SizeFileName)));
        var pages = Directory.GetFiles(first, "*.html", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        Assert.All(pages, page =>
        {
            var html = File.ReadAllText(page);
            var root = string.Concat(Enumerable.Repeat("../", Path.GetRelativePath(first, page).Count(c => c == Path.DirectorySeparatorChar)));
            Assert.Contains($"<link rel=\"stylesheet\" href=\"{root}{ArchiveZip.SizeFileName}\">", html);
            Assert.Contains("<span class=\"archive-size\"></span>", html);
        });
    }

    [Fact]
    public void The_download_unzips_into_a_site_that_passes_the_check_apart_from_the_download_link()
    {
        var site = BuildSample("site");
        var unzipped = Path.Combine(_temp, "unzipped");
        ZipFile.ExtractToDirectory(Path.Combine(site, ArchiveZip.FileName), unzipped);

        var copy = Path.Combine(unzipped, "archive");
        var siteFiles = Directory.GetFiles(site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f)).Order().ToList();
        var copyFiles = Directory.GetFiles(copy, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(copy, f)).Order().ToList();
        Assert.Equal(siteFiles.Where(f => f != ArchiveZip.FileName), copyFiles);

        // The copy cannot contain itself: its footer link to archive.zip is the one thing that does not resolve.
        var problems = SiteChecker.Check(copy);
        Assert.All(problems, p => Assert.Matches(new Regex("a href \"(\\.\\./)*archive\\.zip\": archive\\.zip does not exist"), p.Message));
        Assert.DoesNotContain(SiteChecker.Check(site), p => p.Message.Contains("archive.zip"));
    }
}
