using System.Security.Cryptography;
using System.Text;

namespace ArchiveSite.Output;

/// <summary>The hash that names content in the build cache and the output manifest: SHA-256, 128 bits as hex.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>A hash of several parts, length-prefixed so that moving text from one part to the next changes it.</summary>
    public static string OfParts(IEnumerable<string> parts) =>
        Of(string.Concat(parts.Select(p => $"{p.Length}:{p}")));

    public static string Hex(ReadOnlySpan<byte> digest) => Convert.ToHexStringLower(digest[..16]);
}
