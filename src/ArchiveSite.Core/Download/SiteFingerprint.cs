using System.Buffers;
using System.Text;
using ArchiveSite.Output;

namespace ArchiveSite.Download;

/// <summary>
/// A fingerprint of a site's paths and contents that does not depend on the order the files are listed in: the
/// sum of one 128-bit hash per file. A sorted hash of 45,000 paths cost a fresh process a sort of them all on
/// every build, for a key that only asks whether anything changed.
/// </summary>
public static class SiteFingerprint
{
    public static string Of(StagedOutput staged, IReadOnlySet<string> except)
    {
        var sum = default(HashSum);
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            foreach (var (path, hash) in staged.FileHashes)
            {
                if (except.Contains(path))
                    continue;
                var most = Encoding.UTF8.GetMaxByteCount(path.Length + hash.Length) + 1;
                if (most > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(most);
                }
                // The NUL between them keeps a path ending in hex from passing for another path and hash.
                var length = Encoding.UTF8.GetBytes(path, buffer);
                buffer[length++] = 0;
                length += Encoding.UTF8.GetBytes(hash, buffer.AsSpan(length));
                sum += HashSum.Of(buffer.AsSpan(0, length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return sum.ToString();
    }
}
