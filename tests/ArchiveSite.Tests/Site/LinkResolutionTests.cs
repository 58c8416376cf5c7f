using ArchiveSite.Checking;
using ArchiveSite.Tests.Build;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Site;

public sealed class LinkResolutionTests
{
    [Fact]
    public void Every_relative_link_and_anchor_of_a_built_site_resolves()
    {
        using var site = new BuiltSite(SampleInput());

        var report = LinkChecker.Check(site.Output);

        Assert.True(report.PagesChecked > 15);
        Assert.True(report.LinksChecked > 300);
        Assert.True(report.AllResolve, string.Join("\n", report.Problems));
        Assert.All(report.ExternalLinks, link => Assert.Contains("https://example.org/archive/", link));
    }
}
