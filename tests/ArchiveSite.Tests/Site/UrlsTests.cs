using ArchiveSite.Site;

namespace ArchiveSite.Tests.Site;

public sealed class UrlsTests
{
    [Theory]
    [InlineData("index.html", "speakers/a.html", "speakers/a.html")]
    [InlineData("transcripts/x.html", "speakers/a.html", "../speakers/a.html")]
    [InlineData("a/b/c.html", "index.html", "../../index.html")]
    [InlineData("a/b/c/d/e.html", "index.html", "../../../../index.html")]
    public void Links_between_pages_are_relative_file_paths(string from, string to, string expected) =>
        Assert.Equal(expected, Urls.Relative(from, to));
}
