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
        // Arrays sorted together, not LINQ over (relative, full) tuples: that was JIT-compiled in every fresh process.
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        var relatives = Array.ConvertAll(files, f => Path.GetRelativePath(folder, f).Replace('\\', '/'));
        Array.Sort(relatives, files, StringComparer.Ordinal);
        var parts = new List<string>(2 * files.Length);
        for (var i = 0; i < files.Length; i++)
        {
            parts.Add(relatives[i]);
            parts.Add(ContentHash.Of(File.ReadAllBytes(files[i])));
        }
        return ContentHash.OfParts(parts);
    }
}
