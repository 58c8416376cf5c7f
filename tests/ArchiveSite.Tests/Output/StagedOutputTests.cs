using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

public sealed class StagedOutputTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-staged-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../outside.html")]
    [InlineData("a/../../b.html")]
    [InlineData("a\\b.html")]
    [InlineData("c:/x.html")]
    [InlineData("")]
    public void Paths_that_would_leave_the_site_are_refused(string path)
    {
        using var output = new StagedOutput(Path.Combine(_root, "output"));

        Assert.Throws<ArgumentException>(() => output.Write(path, "x"u8));
    }

    [Fact]
    public void Nothing_reaches_the_output_folder_until_commit_and_a_second_writer_of_a_path_is_an_error()
    {
        var target = Path.Combine(_root, "output");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "old.html"), "old");
        using (var output = new StagedOutput(target))
        {
            output.Write("a/new.html", "new"u8);
            Assert.Throws<InvalidOperationException>(() => output.Write("a/new.html", "again"u8));
            Assert.False(File.Exists(Path.Combine(target, "a", "new.html")));
            output.Commit();
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a", "new.html")));
        Assert.False(File.Exists(Path.Combine(target, "old.html")));
        Assert.False(Directory.Exists(target + ".staging"));
    }
}
