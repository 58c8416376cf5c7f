namespace ArchiveSite.Output;

/// <summary>
/// Folders and files earlier versions kept in the build cache and no step reads any more: hundreds of megabytes
/// that Netlify's cache would otherwise restore on every build.
/// </summary>
public static class FormerCacheFolders
{
    static readonly string[] Names =
    [
        "cards", // a second copy of every card; the output folder is the cards' cache now
        "zip",   // one file per deflate chunk; the last archive.zip is the download's cache now
        "transcripts", // one file per parsed transcript; transcripts.pack holds them now
    ];

    public static void Remove(string cacheDirectory)
    {
        foreach (var name in Names)
        {
            var folder = Path.Combine(cacheDirectory, name);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        // Output manifests as JSON, before the binary ones (see OutputManifest.FileFor).
        var manifests = Path.Combine(cacheDirectory, "output");
        if (Directory.Exists(manifests))
            foreach (var json in Directory.EnumerateFiles(manifests, "*.json"))
                File.Delete(json);
    }
}
