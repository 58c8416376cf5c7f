using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

public sealed class FormerCacheFoldersTests : IDisposable
{
    readonly string _cache = Directory.CreateTempSubdirectory("former-cache-folders-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public void The_folder_of_one_file_per_transcript_goes_and_the_packs_stay()
    {
        var former = Path.Combine(_cache, "transcripts");
        Directory.CreateDirectory(former);
        File.WriteAllBytes(Path.Combine(former, "0123456789abcdef.bin"), [1, 2, 3]);
        var pack = Path.Combine(_cache, "transcripts.pack");
        File.WriteAllBytes(pack, [4, 5, 6]);

        FormerCacheFolders.Remove(_cache);

        Assert.False(Directory.Exists(former));
        Assert.Equal([4, 5, 6], File.ReadAllBytes(pack));
    }

    [Fact]
    public void Json_output_manifests_go_and_binary_ones_stay()
    {
        var manifests = Path.Combine(_cache, "output");
        Directory.CreateDirectory(manifests);
        File.WriteAllText(Path.Combine(manifests, "0123.json"), "{}");
        File.WriteAllBytes(Path.Combine(manifests, "0123.manifest"), [1]);

        FormerCacheFolders.Remove(_cache);

        Assert.Equal(["0123.manifest"], Directory.GetFiles(manifests).Select(Path.GetFileName));
    }
}
