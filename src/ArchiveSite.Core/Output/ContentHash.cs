using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ArchiveSite.Output;

/// <summary>The hash that names content in the build cache and the output manifest: SHA-256, 128 bits as hex.</summary>
public static class ContentHash
{
    /// <summary>Parts are gathered up to this many bytes before they are hashed: one call into the hash a part cost more than the hashing.</summary>
    const int BufferSize = 1 << 16;

    public static string Of(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// A hash of several parts, length-prefixed so that moving text from one part to the next changes it. Hashed
    /// as they come rather than joined first: the download's key has two parts for each of the site's 44,000 files.
    /// </summary>
    public static string OfParts(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        var used = 0;
        foreach (var part in parts)
        {
            var needed = sizeof(int) + Encoding.UTF8.GetMaxByteCount(part.Length);
            if (needed > buffer.Length - used)
            {
                hash.AppendData(buffer, 0, used);
                used = 0;
                if (needed > buffer.Length)
                    buffer = new byte[needed];
            }
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used), part.Length);
            used += sizeof(int) + Encoding.UTF8.GetBytes(part, buffer.AsSpan(used + sizeof(int)));
        }
        hash.AppendData(buffer, 0, used);
        return Hex(hash.GetHashAndReset());
    }

    public static string Hex(ReadOnlySpan<byte> digest) => Convert.ToHexStringLower(digest[..16]);
}
