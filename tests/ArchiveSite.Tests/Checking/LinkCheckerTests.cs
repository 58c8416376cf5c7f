using ArchiveSite.Checking;

namespace ArchiveSite.Tests.Checking;

public sealed class LinkCheckerTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-links-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    void Page(string path, string body)
    {
        var file = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"<!DOCTYPE html><html><head></head><body>{body}</body></html>");
    }

    [Fact]
    public void Good_links_pass_and_each_kind_of_bad_link_is_named()
    {
        Page("index.html", """
            <a href="a/page.html#t-1">ok</a>
            <a href="a/page.html#t-9">missing anchor</a>
            <a href="a/gone.html">missing file</a>
            <a href="/a/page.html">root</a>
            <a href="a/">folder</a>
            <a href="a">folder without slash</a>
            <a href="https://example.org/">external</a>
            <a href="javascript:alert(1)">script</a>
            <script src="https://cdn.example.org/lunr.js"></script>
            <form action="search.html"></form>
            """);
        Page("a/page.html", """<div id="t-1"></div><a href="../index.html">up</a><a href="#t-1">self</a><a href="../../x.html">above</a>""");

        var report = LinkChecker.Check(_root);

        Assert.Equal(2, report.PagesChecked);
        Assert.Equal(
        [
            "a/page.html: ../../x.html: points above the site root",
            "index.html: a/page.html#t-9: no element with id 't-9' on a/page.html",
            "index.html: a/gone.html: the target file does not exist",
            "index.html: /a/page.html: starts with '/', which breaks under a sub-path and from file://",
            "index.html: a/: names a folder; link to its index.html",
            "index.html: a: names a folder; link to its index.html",
            "index.html: javascript:alert(1): 'javascript:' links are not allowed",
            "index.html: search.html: the target file does not exist",
            "index.html: https://cdn.example.org/lunr.js: loads a file from the network",
        ], report.Problems.Select(p => p.ToString()));
        Assert.Equal(["index.html: https://example.org/"], report.ExternalLinks);
    }
}
