using System.IO.Compression;
using System.Text;
using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class CompressedFileCacheTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("zipcache-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static readonly byte[] Page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>said and said again</p>", 100)));

    static byte[] Inflate(CompressedFile file)
    {
        using var data = file.OpenCompressed();
        using var inflater = new DeflateStream(data, CompressionMode.Decompress);
        using var copy = new MemoryStream();
        inflater.CopyTo(copy);
        return copy.ToArray();
    }

    string[] CachedFiles() => Directory.GetFiles(_folder, "*", SearchOption.AllDirectories);

    [Fact]
    public void A_second_build_reads_the_compressed_file_from_the_cache_instead_of_compressing_again()
    {
        var first = new CompressedFileCache(_folder).GetOrAdd(Page, deflate: true);
        var cached = Assert.Single(CachedFiles());
        var written = File.GetLastWriteTimeUtc(cached);
        File.SetLastWriteTimeUtc(cached, written.AddHours(-2));

        var second = new CompressedFileCache(_folder).GetOrAdd(Page, deflate: true);

        Assert.Equal(cached, Assert.Single(CachedFiles()));
        Assert.True(File.GetLastWriteTimeUtc(cached) > written.AddHours(-1), "a cache hit marks the file as used");
        Assert.Equal((first.Crc32, first.Length, first.CompressedLength), (second.Crc32, second.Length, second.CompressedLength));
        Assert.Equal(Page, Inflate(second));
    }

    [Fact]
    public void Stored_and_deflated_copies_of_the_same_bytes_are_kept_apart()
    {
        var cache = new CompressedFileCache(_folder);
        var deflated = cache.GetOrAdd(Page, deflate: true);
        var stored = cache.GetOrAdd(Page, deflate: false);

        Assert.Equal(2, CachedFiles().Length);
        Assert.True(deflated.Deflated);
        Assert.False(stored.Deflated);
        Assert.Equal(Page.Length, stored.CompressedLength);
        using var data = stored.OpenCompressed();
        using var copy = new MemoryStream();
        data.CopyTo(copy);
        Assert.Equal(Page, copy.ToArray());
    }

    [Fact]
    public void A_damaged_cache_file_is_compressed_again()
    {
        new CompressedFileCache(_folder).GetOrAdd(Page, deflate: true);
        File.WriteAllText(Assert.Single(CachedFiles()), "not what we wrote");

        var again = new CompressedFileCache(_folder).GetOrAdd(Page, deflate: true);

        Assert.Equal(Page, Inflate(again));
    }

    [Fact]
    public void Files_unused_by_this_build_for_a_day_are_removed_and_the_rest_kept()
    {
        var old = new CompressedFileCache(_folder);
        old.GetOrAdd("old and unused"u8, deflate: true);
        old.GetOrAdd("recent and unused"u8, deflate: true);
        old.GetOrAdd("old but used"u8, deflate: true);
        var files = CachedFiles();
        foreach (var file in files)
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        var recent = new CompressedFileCache(_folder);
        recent.GetOrAdd("recent and unused"u8, deflate: true);
        var current = new CompressedFileCache(_folder);
        current.GetOrAdd("old but used"u8, deflate: true);

        current.RemoveUnused();

        Assert.Equal(2, CachedFiles().Length);
        Assert.Equal(2, files.Count(File.Exists));
    }
}
