namespace Lunr.Tests.Support;

/// <summary>Finds the repository and the team's shared folder beside it, wherever the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder (seeds, real corpus, docs) that sits beside the repository clone.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>
    /// A file under the shared folder. Tests in the "Shared" category call this; when the folder is absent
    /// they fail saying so, rather than passing or skipping silently.
    /// </summary>
    public static string SharedFile(string relative)
    {
        var path = Path.Combine(Shared, relative);
        if (!Directory.Exists(Shared))
            throw new InvalidOperationException(
                $"The shared folder is missing: expected it at {Shared} (beside the repository). " +
                "Tests in the 'Shared' category need it; run the core suite with --filter Category!=Shared.");
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Shared test input not found: {path}");
        return path;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ArchiveSite.sln")))
                return dir.FullName;
        throw new InvalidOperationException("ArchiveSite.sln not found above " + AppContext.BaseDirectory);
    }
}
