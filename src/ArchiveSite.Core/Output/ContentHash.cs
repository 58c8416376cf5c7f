using System.Security.Cryptography;
using System.Text;

namespace ArchiveSite.Output;

/// <summary>The hash that names content in the build cache and the output manifest: SHA-256, 128 bits as hex.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>A hash of several parts, each led by its length (<see cref="HashedParts"/>).</summary>
    public static string OfParts(IEnumerable<string> parts)
    {
        var hashed = new HashedParts();
        foreach (var part in parts)
            hashed.Add(part);
        return hashed.Hash();
    }

    public static string Hex(ReadOnlySpan<byte> digest) => Convert.ToHexStringLower(digest[..16]);
}
