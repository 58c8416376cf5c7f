using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ArchiveSite.Build;
using ArchiveSite.Site;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Build;

/// <summary>A site built into a temporary folder with the repository's theme; deleted on dispose.</summary>
public sealed class BuiltSite : IDisposable
{
    public static ThemeFolder Theme { get; } = new(Path.Combine(RepoPaths.Root, "theme"));

    public BuiltSite(InputData input)
    {
        Root = Path.Combine(Path.GetTempPath(), "archivesite-test-" + Guid.NewGuid().ToString("N"));
        Output = Path.Combine(Root, "output");
        Result = SiteBuilder.Build(input, Output, Theme);
    }

    public string Root { get; }
    public string Output { get; }
    public BuildResult Result { get; }

    public bool Exists(string relative) => File.Exists(Path.Combine(Output, relative));

    public IDocument Page(string relative) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, relative)));

    public void Dispose()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
