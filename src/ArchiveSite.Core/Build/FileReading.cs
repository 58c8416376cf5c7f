using Microsoft.Win32.SafeHandles;

namespace ArchiveSite.Build;

/// <summary>Reading a file into memory the caller provides, so the build cache and the input phase need not allocate per file.</summary>
static class FileReading
{
    /// <summary>
    /// Reads from <paramref name="offset"/> until <paramref name="into"/> is full or the file ends (it may have shrunk since
    /// its length was taken); how much was read.
    /// </summary>
    public static int ReadFully(SafeFileHandle file, Span<byte> into, long offset = 0)
    {
        var read = 0;
        while (read < into.Length && RandomAccess.Read(file, into[read..], offset + read) is var got and > 0)
            read += got;
        return read;
    }
}
