using System.IO.Compression;
using System.Text;
using ArchiveSite.Build;
using ArchiveSite.Download;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Tests.Download;

/// <summary>The download step on its own, over staged sites of made-up files: clean builds against rebuilds that reuse the last zip.</summary>
public sealed class WriteArchiveZipTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("writearchivezip-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static byte[] Card(int i, int version = 0)
    {
        var bytes = new byte[30_000 + i * 7];
        new Random(i * 100 + version).NextBytes(bytes);
        return bytes;
    }

    static byte[] Page(int i, string extra = "") =>
        Encoding.UTF8.GetBytes($"<!doctype html><p>page {i}{extra}</p>" + string.Concat(Enumerable.Repeat("<p>said and said again</p>\n", 50 + i)));

    static Dictionary<string, byte[]> Site()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < 12; i++)
            files[$"cards/q{i:00}.png"] = Card(i);
        for (var i = 0; i < 20; i++)
            files[$"quotes/q{i:00}.html"] = Page(i);
        files["search/0.js"] = "var shard = [1, 2, 3];"u8.ToArray();
        return files;
    }

    /// <summary>Stages <paramref name="files"/> into <paramref name="output"/> and runs the download step, as a build does.</summary>
    /// <param name="prepared">Whether the step is prepared before the files are written, as a build does (it then deflates text as it is written).</param>
    /// <param name="beforeZip">Runs on the staged site once its files are written, before the zip is.</param>
    /// <param name="afterZip">Runs on the staged site once the zip is written, before the build is committed.</param>
    string Build(Dictionary<string, byte[]> files, string output, string cache, bool prepared = true, Action<StagedOutput>? beforeZip = null,
        Action<StagedOutput>? afterZip = null)
    {
        using var staged = new StagedOutput(Path.Combine(_root, output), OutputManifest.FileFor(Path.Combine(_root, cache), Path.Combine(_root, output)));
        var step = new WriteArchiveZip();
        if (prepared)
            step.Prepare(staged);
        foreach (var (path, bytes) in files)
            staged.Write(path, bytes);
        beforeZip?.Invoke(staged);
        var context = new OutputContext(new SiteSource(() => throw new InvalidOperationException("the download reads no archive")),
            new ThemeFolder(_root), staged) { CacheDirectory = Path.Combine(_root, cache) };
        staged.CurrentStep = "download";
        step.Run(context);
        Assert.Empty(context.Diagnostics);
        afterZip?.Invoke(staged);
        staged.Commit();
        return Path.Combine(_root, output);
    }

    static Dictionary<string, byte[]> Changed(Dictionary<string, byte[]> site)
    {
        var files = new Dictionary<string, byte[]>(site, StringComparer.Ordinal);
        files["cards/q03.png"] = Card(3, version: 1);
        files.Remove("cards/q07.png");
        files["cards/q20.png"] = Card(20);
        files["quotes/q05.html"] = Page(5, " changed");
        files.Remove("quotes/q11.html");
        files["quotes/q30.html"] = Page(30);
        return files;
    }

    [Fact]
    public void A_rebuild_after_changes_writes_the_zip_a_clean_build_writes_and_the_style_shows_its_size()
    {
        var site = Site();
        var output = Build(site, "output", "cache");
        Build(Changed(site), "output", "cache");
        var clean = Build(Changed(site), "clean", "clean-cache");

        var zip = File.ReadAllBytes(Path.Combine(output, ArchiveZip.FileName));
        Assert.Equal(File.ReadAllBytes(Path.Combine(clean, ArchiveZip.FileName)), zip);
        var style = DownloadSize.Style(ArchiveZip.FormatSize(zip.Length));
        Assert.Equal(style, File.ReadAllBytes(Path.Combine(output, ArchiveZip.SizeFileName)));

        using var archive = new ZipArchive(new MemoryStream(zip));
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(Changed(site).Keys.Select(p => $"archive/{p}").Order(StringComparer.Ordinal).Append("archive/archive-size.css"), names);
        foreach (var (path, bytes) in Changed(site))
        {
            using var content = new MemoryStream();
            archive.GetEntry($"archive/{path}")!.Open().CopyTo(content);
            Assert.Equal(bytes, content.ToArray());
        }
        var (code, test) = ZipWriterTests.Unzip("-t", Path.Combine(output, ArchiveZip.FileName));
        Assert.True(code == 0, test);
    }

    [Fact]
    public void A_rebuild_copies_unchanged_entries_from_the_last_zip_instead_of_reading_their_files()
    {
        var site = Site();
        var output = Build(site, "output", "cache");
        // Mark the bytes of an unchanged card inside the last zip, keeping its length and time: only a copy from that zip carries the mark over.
        var zipPath = Path.Combine(output, ArchiveZip.FileName);
        var modified = File.GetLastWriteTimeUtc(zipPath);
        var zip = File.ReadAllBytes(zipPath);
        var at = zip.AsSpan().IndexOf(Card(9).AsSpan(0, 64));
        Assert.True(at > 0);
        zip[at] ^= 0xFF;
        File.WriteAllBytes(zipPath, zip);
        File.SetLastWriteTimeUtc(zipPath, modified);

        Build(Changed(site), "output", "cache");

        var rebuilt = File.ReadAllBytes(zipPath);
        Assert.Equal(Card(9)[0] ^ 0xFF, rebuilt[rebuilt.AsSpan().IndexOf(Card(9).AsSpan(1, 63)) - 1]);
    }

    [Fact]
    public void Without_the_last_zip_the_rebuild_compresses_everything_and_still_writes_the_clean_zip()
    {
        var site = Site();
        var output = Build(site, "output", "cache");
        File.Delete(Path.Combine(output, ArchiveZip.FileName));

        Build(Changed(site), "output", "cache");
        var clean = Build(Changed(site), "clean", "clean-cache");

        Assert.Equal(File.ReadAllBytes(Path.Combine(clean, ArchiveZip.FileName)), File.ReadAllBytes(Path.Combine(output, ArchiveZip.FileName)));
    }

    [Fact]
    public void Text_is_zipped_as_it_was_deflated_when_written_not_read_back_and_the_zip_is_the_one_read_back_files_make()
    {
        var site = Site();
        var unprepared = Build(site, "unprepared", "unprepared-cache", prepared: false);
        var prepared = Build(site, "prepared", "prepared-cache", beforeZip: staged =>
        {
            Assert.IsType<PackedText>(staged.PackedOf("quotes/q05.html"));
            Assert.Null(staged.PackedOf("cards/q05.png"));
            // Spoil the staged file: a zip made by reading it back would hold this.
            File.WriteAllBytes(staged.PathOf("quotes/q05.html"), new byte[Page(5).Length]);
        });

        Assert.Equal(File.ReadAllBytes(Path.Combine(unprepared, ArchiveZip.FileName)), File.ReadAllBytes(Path.Combine(prepared, ArchiveZip.FileName)));
    }

    [Fact]
    public void A_rebuild_that_changes_only_late_entries_stages_only_the_zips_end_and_keeps_its_start_in_place()
    {
        var site = Site();
        var output = Build(site, "output", "cache");
        var zipPath = Path.Combine(output, ArchiveZip.FileName);
        var lastLength = new FileInfo(zipPath).Length;
        var changed = new Dictionary<string, byte[]>(site, StringComparer.Ordinal) { ["quotes/q15.html"] = Page(15, " changed") };

        Build(changed, "output", "cache", afterZip: staged =>
        {
            var tail = new FileInfo(Path.Combine(staged.StagingDirectory, ArchiveZip.FileName)).Length;
            Assert.InRange(tail, 1, lastLength / 5);
            Assert.Throws<InvalidOperationException>(() => staged.PathOf(ArchiveZip.FileName));
            // Until the commit the output folder still has the last zip, whole.
            Assert.Equal(lastLength, new FileInfo(zipPath).Length);
        });
        var clean = Build(changed, "clean", "clean-cache");

        Assert.Equal(File.ReadAllBytes(Path.Combine(clean, ArchiveZip.FileName)), File.ReadAllBytes(zipPath));
        var (code, test) = ZipWriterTests.Unzip("-t", zipPath);
        Assert.True(code == 0, test);
        // The index was written for the zip as committed: the next rebuild keeps its start in place again.
        changed["search/0.js"] = "var shard = [1, 2, 3, 4];"u8.ToArray();
        Build(changed, "output", "cache", afterZip: staged =>
            Assert.InRange(new FileInfo(Path.Combine(staged.StagingDirectory, ArchiveZip.FileName)).Length, 1, lastLength / 5));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Build(changed, "clean-2", "clean-2-cache"), ArchiveZip.FileName)), File.ReadAllBytes(zipPath));
    }

    [Fact]
    public void A_rebuild_that_adds_and_changes_files_but_deletes_none_puts_them_in_the_last_zips_order_and_keeps_its_start()
    {
        var site = Site();
        var output = Build(site, "output", "cache");
        var changed = new Dictionary<string, byte[]>(site, StringComparer.Ordinal)
        {
            ["cards/q05.png"] = Card(5, version: 1),
            ["cards/q05a.png"] = Card(40),
            ["quotes/q05.html"] = Page(5, " changed"),
            ["quotes/q07a.html"] = Page(41),
            ["zz.html"] = Page(42),
            ["index.html"] = Page(43),
        };

        Build(changed, "output", "cache", beforeZip: staged =>
        {
            var index = ZipIndex.Load(ZipIndex.FileFor(Path.Combine(_root, "cache"), output), Path.Combine(output, ArchiveZip.FileName))!;
            var update = ZipUpdate.Of(staged, index);
            Assert.NotNull(update);
            // The cards before q05 are kept; the rest, new and changed files in their place, follow.
            Assert.Equal(5, update.Kept.Extent.Count);
            Assert.Equal(ArchiveZip.Order(changed.Keys).Skip(5).Select(p => $"archive/{p}"), update.Tail.Select(e => e.Name));
        });

        Assert.Equal(File.ReadAllBytes(Path.Combine(Build(changed, "clean", "clean-cache"), ArchiveZip.FileName)),
            File.ReadAllBytes(Path.Combine(output, ArchiveZip.FileName)));
        var (code, test) = ZipWriterTests.Unzip("-t", Path.Combine(output, ArchiveZip.FileName));
        Assert.True(code == 0, test);
    }

    [Theory]
    [InlineData("quotes/q18.html", 12 + 15)]
    [InlineData("quotes/q03.html", 12 + 3)]
    [InlineData("cards/q11.png", 11)]
    public void A_rebuild_that_deletes_a_file_takes_it_out_of_the_last_zip_keeps_the_start_before_it_and_writes_the_clean_zip(string deleted, int keptEntries)
    {
        var site = Site();
        var output = Build(site, "output", "cache");
        var changed = new Dictionary<string, byte[]>(site, StringComparer.Ordinal) { ["quotes/q15.html"] = Page(15, " changed") };
        changed.Remove(deleted);

        Build(changed, "output", "cache", beforeZip: staged =>
        {
            var update = ZipUpdate.Of(staged, ZipIndex.Load(ZipIndex.FileFor(Path.Combine(_root, "cache"), output), Path.Combine(output, ArchiveZip.FileName))!);
            Assert.NotNull(update);
            Assert.Equal(keptEntries, update.Kept.Extent.Count);
            Assert.Equal(ArchiveZip.Order(changed.Keys).Skip(keptEntries).Select(p => $"archive/{p}"), update.Tail.Select(e => e.Name));
        });

        Assert.Equal(File.ReadAllBytes(Path.Combine(Build(changed, "clean", "clean-cache"), ArchiveZip.FileName)),
            File.ReadAllBytes(Path.Combine(output, ArchiveZip.FileName)));
        var (code, test) = ZipWriterTests.Unzip("-t", Path.Combine(output, ArchiveZip.FileName));
        Assert.True(code == 0, test);
    }

    [Fact]
    public void A_rebuild_that_changes_the_first_entry_writes_the_whole_zip_again()
    {
        var site = Site();
        var output = Build(site, "output", "cache");
        var changed = new Dictionary<string, byte[]>(site, StringComparer.Ordinal) { ["cards/q00.png"] = Card(0, version: 1) };

        Build(changed, "output", "cache", afterZip: staged =>
            Assert.Equal(new FileInfo(staged.PathOf(ArchiveZip.FileName)).Length, new FileInfo(Path.Combine(staged.StagingDirectory, ArchiveZip.FileName)).Length));

        Assert.Equal(File.ReadAllBytes(Path.Combine(Build(changed, "clean", "clean-cache"), ArchiveZip.FileName)),
            File.ReadAllBytes(Path.Combine(output, ArchiveZip.FileName)));
    }

    [Fact]
    public void A_commit_cut_short_while_the_zips_end_was_written_is_never_trusted_and_the_next_build_writes_the_clean_zip()
    {
        var site = Site();
        var output = Build(site, "output", "cache");
        var zipPath = Path.Combine(output, ArchiveZip.FileName);
        // What a commit cut short between cutting the zip and appending its end leaves: the manifest is already gone.
        File.Delete(OutputManifest.FileFor(Path.Combine(_root, "cache"), output));
        using (var zip = File.OpenHandle(zipPath, FileMode.Open, FileAccess.Write))
            RandomAccess.SetLength(zip, RandomAccess.GetLength(zip) / 2);
        var changed = new Dictionary<string, byte[]>(site, StringComparer.Ordinal) { ["quotes/q15.html"] = Page(15, " changed") };

        Build(changed, "output", "cache");

        Assert.Equal(File.ReadAllBytes(Path.Combine(Build(changed, "clean", "clean-cache"), ArchiveZip.FileName)), File.ReadAllBytes(zipPath));
        var (code, test) = ZipWriterTests.Unzip("-t", zipPath);
        Assert.True(code == 0, test);
    }
}
