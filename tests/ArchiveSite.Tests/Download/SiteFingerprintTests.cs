using ArchiveSite.Download;
using ArchiveSite.Output;

namespace ArchiveSite.Tests.Download;

public sealed class SiteFingerprintTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("sitefingerprint-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    string Of(IEnumerable<(string Path, string Text)> files, params string[] except)
    {
        var output = Path.Combine(_root, Guid.NewGuid().ToString("n"));
        using var staged = new StagedOutput(output, OutputManifest.FileFor(Path.Combine(_root, "cache"), output));
        foreach (var (path, text) in files)
            staged.Write(path, System.Text.Encoding.UTF8.GetBytes(text));
        return SiteFingerprint.Of(staged, new HashSet<string>(except, StringComparer.Ordinal));
    }

    static readonly (string, string)[] Files = [("index.html", "home"), ("a/b.html", "page b"), ("c.js", "var c;")];

    [Fact]
    public void The_order_files_are_written_in_does_not_matter() =>
        Assert.Equal(Of(Files), Of(Files.Reverse()));

    [Fact]
    public void A_changed_content_a_moved_file_an_added_file_each_change_it()
    {
        var same = Of(Files);
        Assert.NotEqual(same, Of([("index.html", "home!"), ("a/b.html", "page b"), ("c.js", "var c;")]));
        Assert.NotEqual(same, Of([("index.html", "home"), ("a/d.html", "page b"), ("c.js", "var c;")]));
        Assert.NotEqual(same, Of([.. Files, ("e.css", "")]));
    }

    [Fact]
    public void Files_left_out_do_not_count() =>
        Assert.Equal(Of(Files), Of([.. Files, ("archive-size.css", "x")], "archive-size.css"));
}
