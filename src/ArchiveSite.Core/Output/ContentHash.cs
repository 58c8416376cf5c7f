using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ArchiveSite.Output;

/// <summary>The hash that names content in the build cache and the output manifest: SHA-256, 128 bits as hex.</summary>
public static class ContentHash
{
    const int PartsBufferLength = 1 << 16;

    public static string Of(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// A hash of several parts, each led by its length in UTF-8 bytes so that moving text from one part to the next
    /// changes it. The parts are gathered into one buffer and hashed as it fills: a build hashes every file's path
    /// and hash (88,000 parts for 1,000 transcripts), and one string of them all cost more than the hashing.
    /// </summary>
    public static string OfParts(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(PartsBufferLength);
        try
        {
            var used = 0;
            foreach (var part in parts)
            {
                var most = sizeof(int) + Encoding.UTF8.GetMaxByteCount(part.Length);
                if (used + most > buffer.Length)
                {
                    hash.AppendData(buffer, 0, used);
                    used = 0;
                }
                if (most > buffer.Length)
                {
                    var bytes = Encoding.UTF8.GetBytes(part);
                    BinaryPrimitives.WriteInt32LittleEndian(buffer, bytes.Length);
                    hash.AppendData(buffer, 0, sizeof(int));
                    hash.AppendData(bytes);
                    continue;
                }
                var length = Encoding.UTF8.GetBytes(part, buffer.AsSpan(used + sizeof(int)));
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used), length);
                used += sizeof(int) + length;
            }
            hash.AppendData(buffer, 0, used);
            return Hex(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string Hex(ReadOnlySpan<byte> digest) => Convert.ToHexStringLower(digest[..16]);
}
