using System.IO.Compression;
using System.Text;
using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class DeflateChunkCacheTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("zipcache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static byte[] Page(string size) => Encoding.UTF8.GetBytes(
        string.Concat(Enumerable.Repeat("<p>said and said again</p>\n", 100)) + $"<footer><span class=\"archive-size\">{size}</span></footer>\n");

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

    string[] CachedFiles() => Directory.GetFiles(_folder, "*", SearchOption.AllDirectories);

    [Fact]
    public void A_page_deflated_in_chunks_around_its_size_inflates_to_the_page_and_a_new_size_compresses_nothing_again()
    {
        var cache = new DeflateChunkCache(_folder);
        var first = Page("zip");
        var file = CompressedFile.Deflate(first, DownloadSize.Spans(first), cache);
        Assert.Equal(first, Inflate(file));
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(first), file.Crc32);
        Assert.True(file.CompressedLength < first.Length / 5, $"{file.CompressedLength} of {first.Length}");
        var chunks = CachedFiles();
        Assert.Equal(2, chunks.Length);

        var resized = DownloadSize.Show(first, "519.0 MB");
        var again = CompressedFile.Deflate(resized, DownloadSize.Spans(resized), new DeflateChunkCache(_folder));

        Assert.Equal(resized, Inflate(again));
        Assert.Equal(chunks, CachedFiles());
        Assert.Equal(file.CompressedLength + "519.0 MB".Length - "zip".Length, again.CompressedLength);
    }

    [Fact]
    public void Chunked_pages_in_a_zip_read_back_with_System_IO_Compression_and_pass_unzip()
    {
        var cache = new DeflateChunkCache(_folder);
        var page = Page("12.4 MB");
        var entries = new List<ZipEntry>
        {
            new("a/page.html", CompressedFile.Deflate(page, DownloadSize.Spans(page), cache)),
            new("a/empty.css", CompressedFile.Deflate([], [], cache)),
            new("a/plain.js", CompressedFile.Deflate("var x = 1;"u8.ToArray(), [], cache)),
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
            Assert.Equal("var x = 1;", new StreamReader(zip.GetEntry("a/plain.js")!.Open()).ReadToEnd());
        }
        var (code, output) = ZipWriterTests.Unzip("-t", path);
        Assert.True(code == 0, output);
    }

    [Fact]
    public void A_second_build_reads_the_chunk_from_the_cache_and_marks_it_used()
    {
        var content = Page("1 KB");
        var first = new DeflateChunkCache(_folder).GetOrAdd(content);
        var cached = Assert.Single(CachedFiles());
        File.SetLastWriteTimeUtc(cached, DateTime.UtcNow.AddHours(-2));

        var second = new DeflateChunkCache(_folder).GetOrAdd(content);

        Assert.Equal(cached, Assert.Single(CachedFiles()));
        Assert.True(File.GetLastWriteTimeUtc(cached) > DateTime.UtcNow.AddHours(-1), "a cache hit marks the file as used");
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_damaged_cache_file_is_compressed_again()
    {
        var content = Page("1 KB");
        new DeflateChunkCache(_folder).GetOrAdd(content);
        File.WriteAllText(Assert.Single(CachedFiles()), "not what we wrote");

        var again = CompressedFile.Deflate(content, [], new DeflateChunkCache(_folder));

        Assert.Equal(content, Inflate(again));
    }

    [Fact]
    public void Files_unused_by_this_build_for_a_day_are_removed_and_the_rest_kept()
    {
        var old = new DeflateChunkCache(_folder);
        old.GetOrAdd("old and unused"u8);
        old.GetOrAdd("recent and unused"u8);
        old.GetOrAdd("old but used"u8);
        var files = CachedFiles();
        foreach (var file in files)
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        new DeflateChunkCache(_folder).GetOrAdd("recent and unused"u8);
        var current = new DeflateChunkCache(_folder);
        current.GetOrAdd("old but used"u8);

        current.RemoveUnused();

        Assert.Equal(2, CachedFiles().Length);
        Assert.Equal(2, files.Count(File.Exists));
    }
}
