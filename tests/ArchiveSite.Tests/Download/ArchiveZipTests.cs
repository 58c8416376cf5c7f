using System.IO.Compression;
using System.Text;
using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class ArchiveZipTests : IDisposable
{
    readonly string _temp = Directory.CreateTempSubdirectory("archivezip-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    static readonly (string Path, string Text)[] SiteFiles =
    [
        ("index.html", "<!doctype html><title>Home</title>"),
        ("transcripts/b.html", "<p>second</p>"),
        ("transcripts/a.html", "<p>first \u201cquoted\u201d</p>"),
        ("assets/site.css", "body { color: #222 }"),
        ("search/shard-0.js", "window.shard = [];"),
    ];

    string MakeSite(string name, IEnumerable<(string Path, string Text)> files, DateTime mtime)
    {
        var dir = Path.Combine(_temp, name);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, Encoding.UTF8);
            File.SetLastWriteTimeUtc(full, mtime);
        }
        return dir;
    }

    [Fact]
    public void Same_site_written_at_different_times_in_different_order_gives_identical_bytes()
    {
        var first = MakeSite("one", SiteFiles, new DateTime(2020, 5, 1, 8, 0, 0, DateTimeKind.Utc));
        var second = MakeSite("two", SiteFiles.Reverse(), new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc));

        ArchiveZip.Write(first, Path.Combine(_temp, "one.zip"));
        ArchiveZip.Write(second, Path.Combine(_temp, "two.zip"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(_temp, "one.zip")), File.ReadAllBytes(Path.Combine(_temp, "two.zip")));
    }

    [Fact]
    public void Entries_are_sorted_by_tier_then_path_under_one_folder_with_fixed_timestamps_and_original_content()
    {
        var site = MakeSite("site", SiteFiles, DateTime.UtcNow);
        var zipPath = Path.Combine(_temp, "site.zip");

        var size = ArchiveZip.Write(site, zipPath, "my-archive");

        Assert.Equal(new FileInfo(zipPath).Length, size);
        using var zip = ZipFile.OpenRead(zipPath);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(
            ["my-archive/assets/site.css", "my-archive/transcripts/a.html", "my-archive/transcripts/b.html",
             "my-archive/index.html", "my-archive/search/shard-0.js"],
            names);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        foreach (var (path, text) in SiteFiles)
        {
            using var reader = new StreamReader(zip.GetEntry("my-archive/" + path)!.Open(), Encoding.UTF8);
            Assert.Equal(text, reader.ReadToEnd());
        }
    }

    [Theory]
    [InlineData("cards/00001-1.png", 0)]
    [InlineData("assets/fonts/noto-sans.woff2", 0)]
    [InlineData("transcripts/00001-a.html", 1)]
    [InlineData("quotes/00001-1.html", 1)]
    [InlineData("speakers/ada.html", 1)]
    [InlineData("search/d100072-3.js", 1)]
    [InlineData("search/t00e27e4b.js", 1)]
    [InlineData("assets/site.css", 1)]
    [InlineData("index.html", 2)]
    [InlineData("feed.xml", 2)]
    [InlineData("speakers/index.html", 2)]
    [InlineData("search/s12.js", 2)]
    [InlineData("search/manifest.js", 2)]
    [InlineData("search/sub/d1.js", 1)]
    public void What_one_changed_transcript_changes_comes_last(string path, int tier) =>
        Assert.Equal(tier, ArchiveZip.Tier(path));

    [Fact]
    public void A_zip_written_inside_the_site_leaves_itself_and_any_older_archive_out()
    {
        var site = MakeSite("site", SiteFiles, DateTime.UtcNow);
        File.WriteAllText(Path.Combine(site, ArchiveZip.FileName), "stale download from the last build");
        var zipPath = Path.Combine(site, ArchiveZip.FileName);

        ArchiveZip.Write(site, zipPath);
        var firstBytes = File.ReadAllBytes(zipPath);
        ArchiveZip.Write(site, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.DoesNotContain(zip.Entries, e => e.Name == ArchiveZip.FileName);
        Assert.Equal(SiteFiles.Length, zip.Entries.Count);
        Assert.Equal(firstBytes, File.ReadAllBytes(zipPath));
    }

    [Fact]
    public void A_changed_file_changes_the_zip()
    {
        var site = MakeSite("site", SiteFiles, DateTime.UtcNow);
        var before = Path.Combine(_temp, "before.zip");
        var after = Path.Combine(_temp, "after.zip");
        ArchiveZip.Write(site, before);
        File.WriteAllText(Path.Combine(site, "transcripts/a.html"), "<p>edited</p>");
        ArchiveZip.Write(site, after);

        Assert.NotEqual(File.ReadAllBytes(before), File.ReadAllBytes(after));
    }

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(840 * 1024, "840 KB")]
    [InlineData(13_002_342, "12.4 MB")]
    [InlineData(3L * 1024 * 1024 * 1024, "3.00 GB")]
    public void Sizes_are_formatted_for_people(long bytes, string expected) =>
        Assert.Equal(expected, ArchiveZip.FormatSize(bytes));
}
