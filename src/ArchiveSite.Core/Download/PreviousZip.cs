using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace ArchiveSite.Download;

/// <summary>
/// The download the last build left in the output folder, read in place: the compressed bytes of entries that
/// did not change are copied from it into the new zip instead of compressed again. Thread-safe.
/// </summary>
public sealed class PreviousZip : IDisposable
{
    /// <summary>Large reads and writes: the zip is hundreds of megabytes, mostly images copied as they are.</summary>
    public const int CopyBufferLength = 1 << 20;

    readonly SafeFileHandle _file;

    PreviousZip(SafeFileHandle file) => _file = file;

    /// <summary>The zip at <paramref name="path"/>, or null when there is none to read.</summary>
    public static PreviousZip? Open(string path)
    {
        try
        {
            return new PreviousZip(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when the bytes at <paramref name="offset"/> are exactly <paramref name="localHeader"/>.</summary>
    public bool HasAt(long offset, ReadOnlySpan<byte> localHeader)
    {
        Span<byte> found = stackalloc byte[localHeader.Length];
        return Read(found, offset) == localHeader.Length && found.SequenceEqual(localHeader);
    }

    public void CopyTo(Stream output, long offset, long length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, CopyBufferLength));
        try
        {
            for (long done = 0; done < length;)
            {
                var read = Read(buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - done)), offset + done);
                if (read == 0)
                    throw new IOException($"the last build's {ArchiveZip.FileName} ended at {offset + done} bytes, before {offset + length}");
                output.Write(buffer, 0, read);
                done += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    int Read(Span<byte> into, long offset)
    {
        var total = 0;
        while (total < into.Length)
        {
            var read = RandomAccess.Read(_file, into[total..], offset + total);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    public void Dispose() => _file.Dispose();
}
