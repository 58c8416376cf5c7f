using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Build;

/// <summary>
/// A copy of the repository's sample archive and theme in a temporary folder (the theme's npm packages linked, not
/// copied), with room beside them for output folders and build caches: for tests that change an input and rebuild.
/// </summary>
public sealed class SampleArchiveCopy : IDisposable
{
    public SampleArchiveCopy(string prefix)
    {
        Root = Directory.CreateTempSubdirectory(prefix).FullName;
        SiteBuilderTests.CopyDirectory(Path.Combine(RepoPaths.Root, "input"), Input, skip: "\0");
        SiteBuilderTests.CopyDirectory(BuiltSite.Theme.Root, ThemeRoot, skip: "node_modules");
        Directory.CreateSymbolicLink(Path.Combine(ThemeRoot, "node_modules"), BuiltSite.Theme.NodeModules);
    }

    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string ThemeRoot => Path.Combine(Root, "theme");
    public string Output => Path.Combine(Root, "output");
    public string Cache => Path.Combine(Root, "cache");

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
