namespace ArchiveSite.Output;

/// <summary>
/// Writes a file of the build cache under a temporary name and renames it over the old one, so a build never
/// reads half a file, even when the build that wrote it was killed.
/// </summary>
public static class AtomicFile
{
    public static void Write(string file, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var partial = $"{file}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var stream = File.Create(partial))
                write(stream);
            File.Move(partial, file, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
