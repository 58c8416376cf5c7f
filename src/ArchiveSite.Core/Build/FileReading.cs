using Microsoft.Win32.SafeHandles;

namespace ArchiveSite.Build;

/// <summary>Reading a file into memory the caller provides, so the build cache and the input phase need not allocate per file.</summary>
static class FileReading
{
    /// <summary>The file's bytes, in an array not cleared first (every byte of it is read into): clearing a cache pack of tens of MB was a fifth of its load.</summary>
    /// <exception cref="IOException">The file is too big for an array, or ended while it was read.</exception>
    public static byte[] ReadWhole(string path)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        if (length > Array.MaxLength)
            throw new IOException($"{path} is too big to read whole");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        return ReadFully(file, bytes) == bytes.Length ? bytes : throw new IOException($"{path} ended while it was read");
    }

    /// <summary>Reads from the start until <paramref name="into"/> is full or the file ends (it may have shrunk since its length was taken); how much was read.</summary>
    public static int ReadFully(SafeFileHandle file, Span<byte> into)
    {
        var read = 0;
        while (read < into.Length && RandomAccess.Read(file, into[read..], read) is var got and > 0)
            read += got;
        return read;
    }
}
