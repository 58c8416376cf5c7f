namespace ArchiveSite.Output;

/// <summary>Checks that an output path stays inside the site: relative, forward slashes, no "." or ".." segments.</summary>
public static class OutputPaths
{
    public static void Validate(string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.StartsWith('/') || relativePath.Contains('\\') || relativePath.Contains(':')
            || relativePath.Split('/').Any(segment => segment is "" or "." or ".."))
            throw new ArgumentException($"'{relativePath}' is not a safe output path", nameof(relativePath));
    }
}
