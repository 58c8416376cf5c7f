using System.Buffers;
using System.Collections;
using Microsoft.Win32.SafeHandles;

namespace ArchiveSite.Build;

/// <summary>
/// Where a cache entry lies in a pack file that stays open for the build: an entry decoded from it may leave its
/// bulk (a transcript's words) in the file and read it only when asked for (see <see cref="StoredList{T}"/>).
/// The handle, not the path, is kept, so an entry still reads its own bytes after the pack was replaced.
/// </summary>
public sealed record StoredEntry(SafeFileHandle File, long Offset);

/// <summary>
/// Items of a cached transcript (a turn's paragraphs, its quotes, the lines its reader removed) as it holds them until
/// they are read: their bytes in the pack file, decoded on first use. A rebuild after one of 1,000 transcripts changed
/// reads the other 999 from the cache only for what they are linked by (speakers, sections, what Process made of
/// them), never for their 38 MB of words, which decoded were 80 MB of new strings, cleared and faulted in by a fresh
/// process. The bytes were checked whole when the entry was decoded (see <see cref="TranscriptBinary"/>), so only a
/// pack changed underneath the build makes a read fail.
/// </summary>
sealed class StoredList<T>(SafeFileHandle file, long offset, int length, int count, Func<CacheBytesReader, T> read) : IReadOnlyList<T>
{
    T[]? _items;

    public int Count => count;

    public T this[int index] => Items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    T[] Items => _items ?? Interlocked.CompareExchange(ref _items, Read(), null) ?? _items;

    T[] Read()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (FileReading.ReadFully(file, buffer.AsSpan(0, length), offset) != length)
                throw new IOException("the build cache changed while the build read it");
            var reader = new CacheBytesReader(new ArraySegment<byte>(buffer, 0, length));
            var items = new T[count];
            for (var i = 0; i < count; i++)
                items[i] = read(reader);
            return reader.AtEnd ? items : throw new IOException("the build cache changed while the build read it");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
