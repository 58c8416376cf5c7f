using ArchiveSite.Site;

namespace ArchiveSite.Output;

/// <summary>Hashes of the theme's files, for keys of what is made from them.</summary>
public static class ThemeFingerprint
{
    /// <summary>Every layout (any may include another), by name and bytes.</summary>
    public static string Layouts(ThemeFolder theme) => Folder(theme.Layouts);

    /// <summary>A folder's files, by path and bytes; "absent" when there is no such folder.</summary>
    public static string Folder(string folder)
    {
        if (!Directory.Exists(folder))
            return "absent";
        return ContentHash.OfParts(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(folder, f).Replace('\\', '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .SelectMany(f => new[] { f.Relative, ContentHash.Of(File.ReadAllBytes(f.Full)) }));
    }
}
