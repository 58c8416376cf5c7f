using ArchiveSite.Build;
using ArchiveSite.Model;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Build;

public sealed class SiteBuilderTests
{
    [Fact]
    public void Building_an_archive_writes_every_kind_of_page()
    {
        using var site = new BuiltSite(SampleInput());

        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Errors));
        foreach (var page in new[]
        {
            "index.html", "search.html", "transcripts/week-1.html", "transcripts/week-2.html", "transcripts/guest-talk.html",
            "speakers/index.html", "speakers/ron-siegel.html", "speakers/sam-guest.html", "topics/index.html",
            "topics/mindfulness.html", "topics/animals.html", "series/critical-insights.html", "sitemap.xml", "feed.xml",
            "assets/site.css", "assets/og-default.png",
        })
            Assert.True(site.Exists(page), page + " is missing");
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var first = new BuiltSite(SampleInput());
        using var second = new BuiltSite(SampleInput());

        var files = Files(first.Output);
        Assert.Equal(files, Files(second.Output));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first.Output, file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(second.Output, file))), file + " differs");
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_as_it_was()
    {
        using var good = new BuiltSite(SampleInput());
        var before = Files(good.Output).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(good.Output, f)));
        var broken = Make("broken", "Broken", [], [], diagnostics:
        [
            new Diagnostic(Severity.Error, "transcripts/broken.md", 3, "front matter is not valid YAML"),
            new Diagnostic(Severity.Error, "transcripts/broken.md", 9, "a second problem"),
        ]);

        var result = SiteBuilder.Build(SampleInput(broken), good.Output, BuiltSite.Theme);

        Assert.False(result.Succeeded);
        Assert.Equal(["transcripts/broken.md:3: error: front matter is not valid YAML", "transcripts/broken.md:9: error: a second problem"],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(before.Keys.Order(), Files(good.Output));
        foreach (var (file, bytes) in before)
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(good.Output, file)));
        Assert.False(Directory.Exists(good.Output + ".staging"));
    }

    [Fact]
    public void A_broken_layout_fails_the_build_naming_the_layout_file_and_keeps_the_previous_output()
    {
        using var good = new BuiltSite(SampleInput());
        var theme = Path.Combine(good.Root, "theme");
        CopyDirectory(BuiltSite.Theme.Root, theme, skip: "node_modules");
        Directory.CreateSymbolicLink(Path.Combine(theme, "node_modules"), BuiltSite.Theme.NodeModules);
        File.WriteAllText(Path.Combine(theme, "layouts", "topic.sbn"), "<h1>{{ model.name }}</h1>\n{{ for x in }}");
        var before = File.ReadAllBytes(Path.Combine(good.Output, "topics", "shame.html"));

        var result = SiteBuilder.Build(SampleInput(), good.Output, new ArchiveSite.Site.ThemeFolder(theme));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("topic.sbn", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(good.Output, "topics", "shame.html")));
    }

    static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    internal static void CopyDirectory(string from, string to, string skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith(skip, StringComparison.Ordinal))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
