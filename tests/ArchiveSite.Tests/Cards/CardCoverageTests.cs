using ArchiveSite.Build;
using ArchiveSite.Cards;
using ArchiveSite.Site;
using ArchiveSite.Tests.Build;

namespace ArchiveSite.Tests.Cards;

public sealed class CardCoverageTests : IDisposable
{
    readonly SampleArchiveCopy copy = new("archivesite-card-coverage-");

    public void Dispose() => copy.Dispose();

    BuildResult Build(string output, string cache)
    {
        var result = SiteBuilder.Build(copy.Input, output, new ThemeFolder(copy.ThemeRoot), new BuildOptions { CacheDirectory = cache });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result;
    }

    static List<string> BoxWarnings(BuildResult result) =>
        [.. result.Warnings.Where(w => w.Message.Contains("shows boxes")).Select(w => w.ToString())];

    [Fact]
    public void A_rebuild_that_keeps_cards_reports_their_uncovered_characters_as_a_clean_build_does()
    {
        // An Arabic letter no card font has, on every card (the site's name is on each).
        var site = Path.Combine(copy.Input, "site.yml");
        File.WriteAllText(site, File.ReadAllText(site).Replace("title: The Quiet Hour Archive", "title: The Quiet Hour \u0627 Archive"));
        Build(copy.Output, copy.Cache);
        Assert.True(File.Exists(CardCoverage.FileFor(copy.Cache)));

        var transcript = Path.Combine(copy.Input, "transcripts", "01-sleep-and-the-restless-mind.txt");
        File.AppendAllText(transcript, "\nDr. Ribeiro:  One more thing about insomnia before we stop. \n");
        var rebuilt = Build(copy.Output, copy.Cache);
        var clean = Build(Path.Combine(copy.Root, "clean"), Path.Combine(copy.Root, "clean-cache"));

        Assert.NotEmpty(BoxWarnings(clean));
        Assert.All(BoxWarnings(clean), w => Assert.Contains("U+0627", w));
        Assert.Equal(BoxWarnings(clean), BoxWarnings(rebuilt));
    }

    [Fact]
    public void Coverage_saved_is_loaded_back_by_key_and_a_damaged_file_loads_as_nothing_known()
    {
        var file = CardCoverage.FileFor(Path.Combine(copy.Root, "coverage-cache"));
        CardCoverage.Save(file, ["a", "b", "a"], [[0x0627, 0x0628], [], [0x0627, 0x0628]]);

        var loaded = CardCoverage.Load(file);
        Assert.Equal(2, loaded.Count);
        Assert.Equal([0x0627, 0x0628], loaded["a"]);
        Assert.Empty(loaded["b"]);

        File.WriteAllBytes(file, File.ReadAllBytes(file)[..^3]);
        Assert.Empty(CardCoverage.Load(file));
        Assert.Empty(CardCoverage.Load(Path.Combine(copy.Root, "no-such-file")));
    }

    [Fact]
    public void Coverage_that_cannot_be_written_is_left_unwritten_without_failing_the_build()
    {
        var blocker = Path.Combine(copy.Root, "a-file-not-a-folder");
        File.WriteAllText(blocker, "");
        var file = CardCoverage.FileFor(blocker);

        CardCoverage.Save(file, ["a"], [[0x0627]]);

        Assert.False(File.Exists(file));
        Assert.Empty(CardCoverage.Load(file));
    }
}
