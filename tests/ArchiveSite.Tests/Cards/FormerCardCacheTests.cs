using ArchiveSite.Build;
using ArchiveSite.Tests.Build;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Cards;

public sealed class FormerCardCacheTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("archivesite-former-card-cache-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_build_deletes_the_card_folder_earlier_builds_kept_in_the_cache_and_keeps_its_cards_only_in_the_output()
    {
        var cache = Path.Combine(root, "cache");
        var former = Path.Combine(cache, "cards");
        Directory.CreateDirectory(former);
        File.WriteAllBytes(Path.Combine(former, "0123456789abcdef.png"), [1, 2, 3]);

        var result = SiteBuilder.Build(Path.Combine(RepoPaths.Root, "input"), Path.Combine(root, "output"), BuiltSite.Theme,
            new BuildOptions { CacheDirectory = cache });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.False(Directory.Exists(former));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(root, "output", "cards"), "*.png"));
        Assert.Empty(Directory.GetFiles(cache, "*.png", SearchOption.AllDirectories));
    }
}
