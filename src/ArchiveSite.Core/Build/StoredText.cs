using System.Buffers;
using System.Collections;
using Microsoft.Win32.SafeHandles;

namespace ArchiveSite.Build;

/// <summary>
/// Where a cache entry lies in a pack file that stays open for the build: an entry decoded from it may leave its
/// bulk (a transcript's words) in the file and read it only when asked for (see <see cref="StoredParagraphs"/>).
/// The handle, not the path, is kept, so an entry still reads its own bytes after the pack was replaced.
/// </summary>
public sealed record StoredEntry(SafeFileHandle File, long Offset);

/// <summary>
/// A turn's paragraphs as a cached transcript holds them until they are read: their bytes in the pack file, decoded
/// on first use. A rebuild after one of 1,000 transcripts changed reads the other 999 from the cache only for what
/// they are linked by (speakers, sections, quotes), never for their 38 MB of words, which decoded were 80 MB of new
/// strings, cleared and faulted in by a fresh process. The bytes were checked whole when the entry was decoded
/// (see <see cref="TranscriptBinary"/>), so only a pack changed underneath the build makes a read fail.
/// </summary>
sealed class StoredParagraphs(SafeFileHandle file, long offset, int length, int count) : IReadOnlyList<string>
{
    string[]? _paragraphs;

    public int Count => count;

    public string this[int index] => Paragraphs[index];

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Paragraphs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    string[] Paragraphs => _paragraphs ?? Interlocked.CompareExchange(ref _paragraphs, Read(), null) ?? _paragraphs;

    string[] Read()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (FileReading.ReadFully(file, buffer.AsSpan(0, length), offset) != length)
                throw new IOException("the build cache changed while the build read it");
            var reader = new CacheBytesReader(new ArraySegment<byte>(buffer, 0, length));
            var paragraphs = new string[count];
            for (var i = 0; i < count; i++)
                paragraphs[i] = reader.ReadString();
            return reader.AtEnd ? paragraphs : throw new IOException("the build cache changed while the build read it");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
