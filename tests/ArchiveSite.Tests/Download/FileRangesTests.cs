using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class FileRangesTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("fileranges-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(0, 0, 3_000_000)]     // a long run from the start, as a rebuild copies the zip's unchanged prefix
    [InlineData(12_345, 77, 1_000_001)] // odd offsets on both sides, as entries move when one before them changes
    [InlineData(2_999_999, 5, 1)]
    public void A_range_lands_at_its_offset_and_bytes_around_it_stay(long from, long to, long length)
    {
        var source = new byte[3_000_000];
        new Random(5).NextBytes(source);
        var sourcePath = Path.Combine(_folder, "source");
        var targetPath = Path.Combine(_folder, "target");
        File.WriteAllBytes(sourcePath, source);
        var target = Enumerable.Repeat((byte)0xAB, (int)(to + length + 10)).ToArray();
        File.WriteAllBytes(targetPath, target);

        using (var input = File.OpenHandle(sourcePath))
        using (var output = File.OpenHandle(targetPath, FileMode.Open, FileAccess.Write))
            FileRanges.Copy(input, from, output, to, length);

        source.AsSpan((int)from, (int)length).CopyTo(target.AsSpan((int)to));
        Assert.Equal(target, File.ReadAllBytes(targetPath));
    }

    [Fact]
    public void A_range_past_the_end_of_the_file_fails()
    {
        var sourcePath = Path.Combine(_folder, "short");
        File.WriteAllBytes(sourcePath, new byte[100]);
        using var input = File.OpenHandle(sourcePath);
        using var output = File.OpenHandle(Path.Combine(_folder, "out"), FileMode.Create, FileAccess.Write);

        Assert.Throws<IOException>(() => FileRanges.Copy(input, 50, output, 0, 100));
    }
}
