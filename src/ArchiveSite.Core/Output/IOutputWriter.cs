namespace ArchiveSite.Output;

/// <summary>
/// Where every output file goes, by path relative to the site root ("transcripts/a.html"). One seam for all
/// writers, so a build cache or a checker can stand in for the disk. Implementations are thread-safe.
/// </summary>
public interface IOutputWriter
{
    void Write(string relativePath, ReadOnlySpan<byte> bytes);
}
