using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace ArchiveSite.Search;

/// <summary>
/// A file mapped read-only into memory and seen as ints (its bytes past the last whole int are not in
/// <see cref="GetSpan"/>; <see cref="Bytes"/> has them all). Reading the search pack (tens of MB) into an array
/// cost a fresh process as much as the copy itself in page faults on the new array; the mapping shares the
/// file system's cached pages, many to a fault. The memory stays valid until <see cref="IDisposable.Dispose"/>:
/// whoever holds spans of it must dispose it only once they are done.
/// </summary>
sealed unsafe class MappedInts : MemoryManager<int>
{
    readonly MemoryMappedFile file;
    readonly MemoryMappedViewAccessor view;
    readonly byte* start;
    bool released;

    MappedInts(MemoryMappedFile file, MemoryMappedViewAccessor view, int length)
    {
        this.file = file;
        this.view = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        start = pointer + view.PointerOffset;
        Length = length;
    }

    /// <summary>How many bytes the file has.</summary>
    public int Length { get; }

    public ReadOnlySpan<byte> Bytes => new(start, Length);

    /// <summary>The file mapped; null when it is empty. Throws IOException when it cannot be opened or is over 2 GB.</summary>
    public static MappedInts? Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1);
        try
        {
            var fileLength = stream.Length;
            if (fileLength == 0 || fileLength > Array.MaxLength)
            {
                stream.Dispose();
                return fileLength == 0 ? null : throw new IOException($"{path} is too big to map");
            }
            var length = (int)fileLength;
            var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            try
            {
                return new MappedInts(file, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public override Span<int> GetSpan() => new(start, Length / sizeof(int));

    public override MemoryHandle Pin(int elementIndex = 0) => new(start + (long)elementIndex * sizeof(int));

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (released)
            return;
        released = true;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        file.Dispose();
    }
}
