using System.IO.Compression;
using System.Text;
using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class PlannedEntryTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("plannedentry-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static byte[] Page(string size) => Encoding.UTF8.GetBytes(
        "<header><span class=\"archive-size\">" + size + "</span></header>\n" +
        string.Concat(Enumerable.Repeat("<p>said and said again</p>\n", 100)) + $"<footer><span class=\"archive-size\">{size}</span></footer>\n");

    static uint Crc(byte[] bytes) => System.IO.Hashing.Crc32.HashToUInt32(bytes);

    static byte[] Inflate(CompressedFile file)
    {
        var compressed = new MemoryStream();
        Assert.Equal(file.CompressedLength, file.WriteCompressed(compressed));
        Assert.Equal(file.CompressedLength, compressed.Length);
        compressed.Position = 0;
        using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
        using var copy = new MemoryStream();
        inflater.CopyTo(copy);
        return copy.ToArray();
    }

    string SiteFile(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void A_page_planned_once_inflates_to_the_page_showing_any_size_with_arithmetic_lengths()
    {
        var page = Page("zip");
        var plan = PlannedEntry.Compress("archive/a.html", "unused", page, isPage: true);
        Assert.Equal(2, plan.Spans);
        Assert.Equal("zip", plan.Shown);
        Assert.True(plan.Shows("zip"));
        Assert.False(plan.Shows("519.0 MB"));

        var shown = DownloadSize.Show(page, "519.0 MB");
        var file = plan.ToFile("519.0 MB", Crc(shown));

        Assert.Equal(shown, Inflate(file));
        Assert.Equal(shown.Length, file.Length);
        Assert.Equal(plan.CompressedLength("zip") + 2 * ("519.0 MB".Length - "zip".Length), file.CompressedLength);
        Assert.True(file.CompressedLength < page.Length / 5, $"{file.CompressedLength} of {page.Length}");
        Assert.Equal(page, Inflate(plan.ToFile("zip", plan.Crc32)));
    }

    [Fact]
    public void Text_that_is_not_a_page_is_one_chunk_and_images_are_stored_from_their_file()
    {
        var script = Encoding.UTF8.GetBytes("var size = '<span class=\"archive-size\">zip</span>';");
        var css = PlannedEntry.Compress("archive/a.js", "unused", script, isPage: false);
        var png = new byte[3000];
        new Random(7).NextBytes(png);
        var image = PlannedEntry.Compress("archive/c.png", SiteFile("c.png", png), png, isPage: false);

        Assert.Equal(0, css.Spans);
        Assert.True(css.Shows("1 KB"));
        Assert.Equal(script, Inflate(css.ToFile("1 KB", css.Crc32)));
        Assert.False(image.Deflated);
        var stored = image.ToFile("1 KB", image.Crc32);
        Assert.Equal((png.Length, png.Length, Crc(png)), (stored.Length, stored.CompressedLength, stored.Crc32));
        var copy = new MemoryStream();
        stored.WriteCompressed(copy);
        Assert.Equal(png, copy.ToArray());
    }

    [Fact]
    public void Planned_entries_in_a_zip_read_back_with_System_IO_Compression_and_pass_unzip()
    {
        var page = DownloadSize.Show(Page("zip"), "12.4 MB");
        var entries = new List<ZipEntry>
        {
            new("a/page.html", PlannedEntry.Compress("a/page.html", "unused", page, isPage: true).ToFile("12.4 MB", Crc(page))),
            new("a/empty.css", PlannedEntry.Compress("a/empty.css", "unused", [], isPage: false).ToFile("12.4 MB", Crc([]))),
        };
        var path = Path.Combine(_folder, "site.zip");
        using (var stream = File.Create(path))
            Assert.Equal(ZipWriter.SizeOf(entries), ZipWriter.Write(stream, entries));

        using (var zip = ZipFile.OpenRead(path))
        {
            using var reader = new MemoryStream();
            zip.GetEntry("a/page.html")!.Open().CopyTo(reader);
            Assert.Equal(page, reader.ToArray());
            Assert.Equal("", new StreamReader(zip.GetEntry("a/empty.css")!.Open()).ReadToEnd());
        }
        var (code, output) = ZipWriterTests.Unzip("-t", path);
        Assert.True(code == 0, output);
    }

    /// <summary>A zip of a page (two size spans showing <paramref name="size"/>), a script and an image, and its index.</summary>
    (string Zip, ZipIndex Index) ZipWithIndex(string size, byte[] png)
    {
        var page = Page(size);
        var plans = new[]
        {
            PlannedEntry.Compress("archive/a.html", "unused", page, isPage: true),
            PlannedEntry.Compress("archive/b.js", "unused", "var b = 2;"u8.ToArray(), isPage: false),
            PlannedEntry.Compress("archive/c.png", SiteFile("c.png", png), png, isPage: false),
        };
        var entries = plans.Select(p => new ZipEntry(p.Name, p.ToFile(size, p.Crc32))).ToList();
        var path = Path.Combine(_folder, "previous.zip");
        using (var stream = File.Create(path))
            ZipWriter.Write(stream, entries);
        var offsets = ZipWriter.LocalHeaderOffsets(entries);
        var indexed = plans.Select((p, i) => new ZipIndex.Entry("hash-" + i, p.Deflated, entries[i].File.Crc32, entries[i].File.Length, offsets[i],
            [.. p.Pieces.Select(piece => piece.Length)]));
        var info = new FileInfo(path);
        return (path, new ZipIndex(info.Length, info.LastWriteTimeUtc.Ticks, size,
            plans.Zip(indexed).ToDictionary(e => e.First.Name, e => e.Second, StringComparer.Ordinal)));
    }

    [Fact]
    public void Entries_of_the_last_zip_are_copied_into_a_new_one_even_when_the_size_text_changes()
    {
        var png = new byte[5000];
        new Random(3).NextBytes(png);
        var (path, index) = ZipWithIndex("840 KB", png);
        using var previous = PreviousZip.Open(path)!;

        var reused = index.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => PlannedEntry.Reuse(e.Key, e.Value, index.Shown, previous)!).ToList();
        Assert.All(reused, Assert.NotNull);
        Assert.True(reused[0].Shows("840 KB"));
        var page = DownloadSize.Show(Page("840 KB"), "1.2 MB");
        var entries = new List<ZipEntry>
        {
            new(reused[0].Name, reused[0].ToFile("1.2 MB", Crc(page))),
            new(reused[1].Name, reused[1].ToFile("1.2 MB", reused[1].Crc32)),
            new(reused[2].Name, reused[2].ToFile("1.2 MB", reused[2].Crc32)),
        };
        var copy = Path.Combine(_folder, "copy.zip");
        using (var stream = File.Create(copy))
            ZipWriter.Write(stream, entries);

        using var zip = ZipFile.OpenRead(copy);
        byte[] Read(string name)
        {
            using var reader = new MemoryStream();
            zip.GetEntry(name)!.Open().CopyTo(reader);
            return reader.ToArray();
        }
        Assert.Equal(page, Read("archive/a.html"));
        Assert.Equal("var b = 2;"u8.ToArray(), Read("archive/b.js"));
        Assert.Equal(png, Read("archive/c.png"));
        var (code, output) = ZipWriterTests.Unzip("-t", copy);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void An_entry_the_last_zip_does_not_hold_where_the_index_says_is_not_reused()
    {
        var (path, index) = ZipWithIndex("840 KB", new byte[100]);
        using var previous = PreviousZip.Open(path)!;
        var page = index.Entries["archive/a.html"];

        Assert.NotNull(PlannedEntry.Reuse("archive/a.html", page, "840 KB", previous));
        Assert.Null(PlannedEntry.Reuse("archive/a.html", page with { LocalHeaderOffset = page.LocalHeaderOffset + 1 }, "840 KB", previous));
        Assert.Null(PlannedEntry.Reuse("archive/a.html", page with { Crc32 = page.Crc32 + 1 }, "840 KB", previous));
        Assert.Null(PlannedEntry.Reuse("archive/a.html", page, "12.4 MB", previous));
        Assert.Null(PlannedEntry.Reuse("archive/b.js", page, "840 KB", previous));
        Assert.Null(PlannedEntry.Reuse("archive/a.html", page with { Chunks = [-1, 5] }, "840 KB", previous));
    }

    [Fact]
    public void The_index_loads_back_only_for_the_zip_it_describes()
    {
        var (path, index) = ZipWithIndex("840 KB", new byte[100]);
        var file = Path.Combine(_folder, "cache", "zip.index");
        index.Save(file);

        var loaded = ZipIndex.Load(file, path);
        Assert.NotNull(loaded);
        Assert.Equal((index.ZipLength, index.ZipModified, index.Shown), (loaded.ZipLength, loaded.ZipModified, loaded.Shown));
        Assert.Equal(index.Entries.Keys.Order(StringComparer.Ordinal), loaded.Entries.Keys.Order(StringComparer.Ordinal));
        var page = loaded.Entries["archive/a.html"];
        Assert.Equal(index.Entries["archive/a.html"] with { Chunks = page.Chunks }, page);
        Assert.Equal(index.Entries["archive/a.html"].Chunks, page.Chunks);

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        Assert.Null(ZipIndex.Load(file, path));
        Assert.Null(ZipIndex.Load(file, Path.Combine(_folder, "missing.zip")));

        File.SetLastWriteTimeUtc(path, new DateTime(index.ZipModified, DateTimeKind.Utc));
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        Assert.Null(ZipIndex.Load(file, path));
        File.WriteAllText(file, "not an index");
        Assert.Null(ZipIndex.Load(file, path));
    }
}
