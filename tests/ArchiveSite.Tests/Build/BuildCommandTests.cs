using ArchiveSite.Cli;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Build;

public sealed class BuildCommandTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    Task<int> Build(string input) => CommandRunner.RunAsync(
        ["build", "--input", input, "--output", Path.Combine(_root, "output"), "--theme", Path.Combine(RepoPaths.Root, "theme")]);

    [Fact]
    public async Task Build_exits_zero_and_writes_the_site_then_a_bad_transcript_exits_nonzero_and_keeps_it()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(Path.Combine(input, "transcripts"));
        File.WriteAllText(Path.Combine(input, "transcripts", "talk.md"), "---\ntitle: A Talk\n---\n\n**Ana:** Hello there.\n\n**Ben:** Hello, Ana.\n");

        Assert.Equal(0, await Build(input));
        var page = Path.Combine(_root, "output", "transcripts", "talk.html");
        var before = File.ReadAllBytes(page);

        File.WriteAllBytes(Path.Combine(input, "transcripts", "binary.txt"), [0x00, 0x01, 0x02, 0x00]);
        Assert.Equal(1, await Build(input));
        Assert.Equal(before, File.ReadAllBytes(page));
        Assert.False(File.Exists(Path.Combine(_root, "output", "transcripts", "binary.html")));
    }

    [Fact]
    public async Task A_folder_of_transcripts_without_any_registry_builds()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(Path.Combine(input, "transcripts"));
        File.WriteAllText(Path.Combine(input, "transcripts", "plain.md"), "**Ana:** Only words.\n\n**Ben:** And more words.\n");

        Assert.Equal(0, await Build(input));
        Assert.True(File.Exists(Path.Combine(_root, "output", "speakers", "index.html")));
        Assert.False(File.Exists(Path.Combine(_root, "output", "sitemap.xml")));
    }
}
