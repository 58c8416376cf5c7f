namespace ArchiveSite.Output;

/// <summary>
/// Where every output file goes, by path relative to the site root ("transcripts/a.html"). One seam for all
/// writers, so a build cache or a checker can stand in for the disk. Implementations are thread-safe.
/// </summary>
public interface IOutputWriter
{
    void Write(string relativePath, ReadOnlySpan<byte> bytes);

    /// <summary>
    /// Writes a file too big to hold in memory (the download) by letting <paramref name="write"/> stream it.
    /// A writer that keeps files on disk overrides this to stream straight to the file.
    /// </summary>
    void Write(string relativePath, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        Write(relativePath, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
