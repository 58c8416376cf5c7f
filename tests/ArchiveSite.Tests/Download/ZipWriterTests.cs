using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class ZipWriterTests : IDisposable
{
    readonly string _temp = Directory.CreateTempSubdirectory("zipwriter-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    static readonly byte[] Html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Words said twice are words said twice.</p>\n", 200)));

    /// <summary>PNG-like bytes that deflate cannot shrink.</summary>
    static readonly byte[] Png = RandomBytes(5000);

    static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    static List<ZipEntry> Entries(params (string Name, byte[] Content)[] files) =>
        [.. files.Select(f => new ZipEntry(f.Name, CompressedFile.Compress(f.Content, CompressedFile.ShouldDeflate(f.Name))))];

    string WriteZip(IReadOnlyList<ZipEntry> entries, string comment = "")
    {
        var path = Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".zip");
        using var file = File.Create(path);
        var written = ZipWriter.Write(file, entries, comment);
        Assert.Equal(file.Length, written);
        Assert.Equal(ZipWriter.SizeOf(entries, comment.Length), written);
        return path;
    }

    [Fact]
    public void What_is_written_reads_back_with_System_IO_Compression_text_deflated_and_images_stored()
    {
        var entries = Entries(
            ("site/index.html", Html),
            ("site/assets/card.png", Png),
            ("site/empty.txt", []),
            ("site/transcripts/café-ünïcode.html", "<p>é</p>"u8.ToArray()));

        var path = WriteZip(entries);

        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(["site/index.html", "site/assets/card.png", "site/empty.txt", "site/transcripts/café-ünïcode.html"],
            zip.Entries.Select(e => e.FullName));
        var html = zip.GetEntry("site/index.html")!;
        Assert.True(html.CompressedLength < Html.Length / 10, $"deflated to {html.CompressedLength} of {Html.Length}");
        Assert.Equal(Png.Length, zip.GetEntry("site/assets/card.png")!.CompressedLength);
        Assert.Equal(Html, ReadAll(html));
        Assert.Equal(Png, ReadAll(zip.GetEntry("site/assets/card.png")!));
        Assert.Empty(ReadAll(zip.GetEntry("site/empty.txt")!));
        Assert.Equal("<p>é</p>"u8.ToArray(), ReadAll(zip.GetEntry("site/transcripts/café-ünïcode.html")!));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.All(zip.Entries, e => Assert.Equal(0b110_100_100 | 0x8000, (int)((uint)e.ExternalAttributes >> 16)));
    }

    [Fact]
    public void Unzip_tests_the_zip_as_sound_and_lists_the_methods_we_chose()
    {
        var path = WriteZip(Entries(("a/page.html", Html), ("a/font.woff2", Png), ("a/ünïcode.html", "<p>x</p>"u8.ToArray())), comment: "   ");

        var (testCode, test) = Unzip("-t", path);
        Assert.True(testCode == 0, test);
        Assert.Contains("No errors detected", test);
        var (listCode, listing) = Unzip("-v", path);
        Assert.True(listCode == 0, listing);
        Assert.Matches(@"Defl:N .* a/page\.html", listing);
        Assert.Matches(@"Stored .* a/font\.woff2", listing);
        Assert.Contains("a/ünïcode.html", listing);
    }

    [Fact]
    public void More_entries_than_the_classic_format_counts_get_zip64_end_records()
    {
        var one = CompressedFile.Compress("x"u8, deflate: false);
        var entries = Enumerable.Range(0, ushort.MaxValue + 10).Select(i => new ZipEntry($"f/{i:x5}", one)).ToList();

        var path = WriteZip(entries);

        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(entries.Count, zip.Entries.Count);
        Assert.Equal("x", new StreamReader(zip.Entries[^1].Open()).ReadToEnd());
        var (code, output) = Unzip("-tq", path);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void The_same_entries_give_the_same_bytes_and_the_comment_pads_the_end()
    {
        var first = File.ReadAllBytes(WriteZip(Entries(("a/x.html", Html), ("a/y.css", "body{}"u8.ToArray()))));
        var second = File.ReadAllBytes(WriteZip(Entries(("a/x.html", Html), ("a/y.css", "body{}"u8.ToArray()))));
        var padded = File.ReadAllBytes(WriteZip(Entries(("a/x.html", Html), ("a/y.css", "body{}"u8.ToArray())), comment: new string(' ', 40)));

        Assert.Equal(first, second);
        Assert.Equal(first.Length + 40, padded.Length);
        using var zip = new ZipArchive(new MemoryStream(padded));
        Assert.Equal(2, zip.Entries.Count);
    }

    [Fact]
    public void Search_shards_are_deflated_run_length_only_and_read_back_as_written()
    {
        // Postings as digit strings, as a shard holds them: few repeats for LZ77 to find.
        var random = new Random(7);
        var shard = Encoding.ASCII.GetBytes("ArchiveSearch.loaded(\"shard\",3,[[\"term\",4,\"" +
            string.Concat(Enumerable.Range(0, 20_000).Select(_ => (char)random.Next('0', '~'))) + "\"]]);\n");
        Assert.Equal(ZLibCompressionStrategy.RunLengthEncoding, CompressedFile.StrategyFor("archive/search/s3.js"));
        Assert.Equal(ZLibCompressionStrategy.Default, CompressedFile.StrategyFor("archive/search/d3-0.js"));
        var runLength = CompressedFile.Compress(shard, deflate: true, strategy: CompressedFile.StrategyFor("search/s3.js"));
        Assert.NotEqual(CompressedFile.Compress(shard, deflate: true).CompressedLength, runLength.CompressedLength);

        var path = WriteZip([new ZipEntry("search/s3.js", runLength), .. Entries(("a.html", Html))]);

        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(shard, ReadAll(zip.GetEntry("search/s3.js")!));
        Assert.Equal(Html, ReadAll(zip.GetEntry("a.html")!));
        Assert.Equal(0, Unzip("-tq", path).Code);
    }

    [Fact]
    public void Compressed_bytes_that_changed_since_they_were_measured_fail_the_write()
    {
        var honest = CompressedFile.Compress(Html, deflate: true);
        var lying = honest with { CompressedLength = honest.CompressedLength + 1 };

        Assert.Throws<IOException>(() => ZipWriter.Write(Stream.Null, [new ZipEntry("a.html", lying)]));
    }

    static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Runs Info-ZIP's unzip, which .ci/run installs; a missing unzip fails the test plainly.</summary>
    internal static (int Code, string Output) Unzip(string flags, string path)
    {
        var start = new ProcessStartInfo("unzip", [flags, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var unzip = Process.Start(start)!;
        var error = unzip.StandardError.ReadToEndAsync();
        var output = unzip.StandardOutput.ReadToEnd();
        unzip.WaitForExit();
        return (unzip.ExitCode, output + error.Result);
    }
}
