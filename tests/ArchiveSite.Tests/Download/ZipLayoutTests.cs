using System.IO.Compression;
using System.Text;
using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class ZipLayoutTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("ziplayout-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static readonly byte[] Page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>said and said again</p>\n", 100)));

    static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    string SiteFile(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes <paramref name="entries"/> to a new file; returns its path and the CRCs the layout reports.</summary>
    (string Path, uint[] Crcs) Write(IReadOnlyList<PlannedEntry> entries, string name, string? previous = null, string comment = "")
    {
        var path = Path.Combine(_folder, name);
        var layout = new ZipLayout(entries, comment);
        uint[] crcs;
        using (var output = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
        using (var from = previous is null ? null : File.OpenHandle(previous))
            crcs = layout.Write(output, from);
        Assert.Equal(layout.Length, new FileInfo(path).Length);
        return (path, crcs);
    }

    static byte[] Read(ZipArchive zip, string name)
    {
        using var reader = new MemoryStream();
        zip.GetEntry(name)!.Open().CopyTo(reader);
        return reader.ToArray();
    }

    /// <summary>The index of the zip at <paramref name="path"/>, saved and loaded back.</summary>
    ZipIndex IndexOf(string path, IReadOnlyList<PlannedEntry> entries, uint[] crcs)
    {
        var file = Path.Combine(_folder, "cache", Path.GetFileName(path) + ".index");
        Builder(entries, crcs).Save(file, new FileInfo(path));
        return ZipIndex.Load(file, path) ?? throw new InvalidOperationException("the index did not load back");
    }

    static ZipIndex.Builder Builder(IReadOnlyList<PlannedEntry> entries, uint[] crcs)
    {
        var builder = new ZipIndex.Builder();
        for (var i = 0; i < entries.Count; i++)
            builder.Add(entries[i].Name, entries[i].Hash, entries[i].Deflated, crcs[i], entries[i].Length, entries[i].CompressedLength);
        return builder;
    }

    [Fact]
    public void Entries_in_memory_and_from_site_files_with_and_without_a_known_CRC_read_back_with_System_IO_Compression_and_pass_unzip()
    {
        var png = RandomBytes(70_000, 1);
        var font = RandomBytes(9_999, 2);
        var entries = new List<PlannedEntry>
        {
            PlannedEntry.FromSiteFile("a/card.png", "h1", SiteFile("card.png", png), png.Length),
            PlannedEntry.FromSiteFile("a/font.woff2", "h0", SiteFile("font.woff2", font), font.Length, System.IO.Hashing.Crc32.HashToUInt32(font)),
            PlannedEntry.InMemory("a/page.html", "h2", Page),
            PlannedEntry.InMemory("a/empty.css", "h3", []),
            PlannedEntry.InMemory("a/ünïcode.html", "h4", "<p>x</p>"u8),
        };

        var (path, crcs) = Write(entries, "site.zip", comment: "  ");

        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(png), crcs[0]);
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(font), crcs[1]);
        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(entries.Select(e => e.Name), zip.Entries.Select(e => e.FullName));
            Assert.Equal(png, Read(zip, "a/card.png"));
            Assert.Equal(font, Read(zip, "a/font.woff2"));
            Assert.Equal(Page, Read(zip, "a/page.html"));
            Assert.Empty(Read(zip, "a/empty.css"));
        }
        var (code, output) = ZipWriterTests.Unzip("-t", path);
        Assert.True(code == 0, output);
        Assert.True(PlannedEntry.InMemory("a/page.html", "h2", Page).CompressedLength < Page.Length / 5);
    }

    [Fact]
    public void A_zip_made_from_the_last_one_with_entries_changed_added_and_removed_equals_one_made_fresh()
    {
        var cards = Enumerable.Range(0, 6).Select(i => RandomBytes(40_000 + i, i)).ToList();
        PlannedEntry Card(int i, byte[] bytes) => PlannedEntry.FromSiteFile($"a/card{i}.png", $"card{i}-{bytes.Length}", SiteFile($"card{i}-{bytes.Length}.png", bytes), bytes.Length);
        PlannedEntry Text(string name, string text) => PlannedEntry.InMemory(name, name + text, Encoding.UTF8.GetBytes(text));
        var before = cards.Select((c, i) => Card(i, c))
            .Concat(Enumerable.Range(0, 8).Select(i => Text($"b/page{i}.html", $"<p>page {i}</p>" + Encoding.UTF8.GetString(Page)))).ToList();
        var (previous, crcs) = Write(before, "previous.zip");
        var index = IndexOf(previous, before, crcs);

        var changedCard = RandomBytes(41_002, 99);
        var after = cards.Select((c, i) => i == 2 ? Card(2, changedCard) : Card(i, c)).Where(e => e.Name != "a/card4.png")
            .Concat(Enumerable.Range(0, 9).Where(i => i != 5).Select(i => Text($"b/page{i}.html", $"<p>page {i}{(i == 3 ? " changed" : "")}</p>" + Encoding.UTF8.GetString(Page))))
            .ToList();
        var fresh = Write(after, "fresh.zip").Path;
        var reused = after.Select(e => index.Entries.TryGetValue(e.Name, out var old) && old.Hash == e.Hash
            ? PlannedEntry.Reuse(e.Name, e.Hash, old, index.ZipLength)!
            : e).ToList();
        Assert.Equal(10, reused.Count(e => e.Source is InPreviousZip));

        var (rebuilt, rebuiltCrcs) = Write(reused, "rebuilt.zip", previous);

        Assert.Equal(File.ReadAllBytes(fresh), File.ReadAllBytes(rebuilt));
        Assert.Equal(Write(after, "again.zip").Crcs, rebuiltCrcs);
        var (code, output) = ZipWriterTests.Unzip("-t", rebuilt);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void An_index_entry_the_last_zip_cannot_hold_is_not_reused()
    {
        var entry = new ZipIndex.Entry("h", Deflated: true, Crc32: 7, Length: 500, CompressedLength: 100, LocalHeaderOffset: 0);
        var zipLength = ZipWriter.LocalHeaderSize("a/page.html") + 100;

        Assert.NotNull(PlannedEntry.Reuse("a/page.html", "h", entry, zipLength));
        Assert.Null(PlannedEntry.Reuse("a/page.html", "h", entry, zipLength - 1));
        Assert.Null(PlannedEntry.Reuse("a/page.html", "h", entry with { LocalHeaderOffset = -1 }, zipLength));
        Assert.Null(PlannedEntry.Reuse("a/page.html", "h", entry with { CompressedLength = -5 }, zipLength));
        Assert.Null(PlannedEntry.Reuse("a/card.png", "h", entry, zipLength));
        Assert.Null(PlannedEntry.Reuse("a/card.png", "h", entry with { Deflated = false }, zipLength));
    }

    [Fact]
    public void The_index_loads_back_only_for_the_zip_it_describes()
    {
        var entries = new List<PlannedEntry> { PlannedEntry.InMemory("a/page.html", "h", Page), PlannedEntry.InMemory("a/b.js", "j", "var b = 2;"u8) };
        var (path, crcs) = Write(entries, "site.zip");
        var file = Path.Combine(_folder, "cache", "zip.index");
        Builder(entries, crcs).Save(file, new FileInfo(path));

        var loaded = ZipIndex.Load(file, path);
        Assert.NotNull(loaded);
        var modified = new FileInfo(path).LastWriteTimeUtc.Ticks;
        Assert.Equal((new FileInfo(path).Length, modified), (loaded.ZipLength, loaded.ZipModified));
        var layout = new ZipLayout(entries);
        Assert.Equal(entries.Select((e, i) => new ZipIndex.Entry(e.Hash, e.Deflated, crcs[i], e.Length, e.CompressedLength, layout.Offsets[i])),
            entries.Select(e => loaded.Entries[e.Name]));
        Assert.Equal(entries.Select(e => e.Name), Enumerable.Range(0, loaded.Count).Select(loaded.Name));
        Assert.Equal(layout.OffsetOf(entries.Count), loaded.DirectoryOffset);

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        Assert.Null(ZipIndex.Load(file, path));
        Assert.Null(ZipIndex.Load(file, Path.Combine(_folder, "missing.zip")));

        File.SetLastWriteTimeUtc(path, new DateTime(modified, DateTimeKind.Utc));
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        Assert.Null(ZipIndex.Load(file, path));
        File.WriteAllText(file, "not an index");
        Assert.Null(ZipIndex.Load(file, path));
        // Entries that would run past the end of the zip are not trusted either.
        new ZipIndex.Builder().Add("a/page.html", "h", true, 1, 10, new FileInfo(path).Length).Save(file, new FileInfo(path));
        Assert.Null(ZipIndex.Load(file, path));
    }

    [Fact]
    public void A_zip_that_keeps_the_last_ones_start_and_the_start_of_its_central_directory_equals_one_made_fresh()
    {
        PlannedEntry Text(int i, string text) => PlannedEntry.InMemory($"b/page{i}.html", $"{i}{text}", Encoding.UTF8.GetBytes($"<p>{i} {text}</p>" + Encoding.UTF8.GetString(Page)));
        var before = Enumerable.Range(0, 10).Select(i => Text(i, "")).ToList();
        var (previous, crcs) = Write(before, "previous.zip");
        var index = IndexOf(previous, before, crcs);
        var after = before.Take(6).Append(Text(6, "changed")).Concat(before.Skip(7)).Append(Text(10, "new")).ToList();
        var fresh = Write(after, "fresh.zip").Path;

        var tail = after.Skip(6).Select((e, i) => i is 0 or 4 ? e : PlannedEntry.Reuse(e.Name, e.Hash, index.Entries[e.Name], index.ZipLength)!).ToList();
        var layout = new ZipLayout(tail, kept: new ZipLayout.KeptStart(index.ExtentOf(6), index.DirectoryOffset));
        var path = Path.Combine(_folder, "tail");
        using (var output = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
        using (var from = File.OpenHandle(previous))
            layout.Write(output, from);

        Assert.Equal(new FileInfo(fresh).Length, layout.Length);
        var rebuilt = File.ReadAllBytes(previous)[..(int)index.ExtentOf(6).EntriesLength].Concat(File.ReadAllBytes(path)).ToArray();
        Assert.Equal(File.ReadAllBytes(fresh), rebuilt);
    }

    [Fact]
    public void More_entries_than_the_classic_format_counts_get_zip64_end_records()
    {
        var entries = Enumerable.Range(0, ushort.MaxValue + 10).Select(i => PlannedEntry.InMemory($"f/{i:x5}.png", "h", "x"u8)).ToList();

        var path = Write(entries, "many.zip").Path;

        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(entries.Count, zip.Entries.Count);
        Assert.Equal("x", new StreamReader(zip.Entries[^1].Open()).ReadToEnd());
        var (code, output) = ZipWriterTests.Unzip("-tq", path);
        Assert.True(code == 0, output);
    }
}
