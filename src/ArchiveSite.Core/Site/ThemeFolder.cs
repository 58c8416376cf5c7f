namespace ArchiveSite.Site;

/// <summary>The theme: Scriban layouts in <c>layouts/</c>, files copied as they are from <c>assets/</c>.</summary>
public sealed record ThemeFolder(string Root)
{
    public string Layouts => Path.Combine(Root, "layouts");
    public string Assets => Path.Combine(Root, "assets");
    public string NodeModules => Path.Combine(Root, "node_modules");

    public string LayoutFile(string name) => Path.Combine(Layouts, name + ".sbn");
}
