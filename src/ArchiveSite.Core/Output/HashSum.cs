using System.Buffers.Binary;
using System.IO.Hashing;

namespace ArchiveSite.Output;

/// <summary>
/// A 128-bit <see cref="XxHash128"/> hash, or a sum of them (modulo 2^128), for fingerprints that must not depend on
/// the order their parts come in. Two ulongs rather than a <see cref="UInt128"/>: crossgen2 does not precompile a
/// method that holds a UInt128 (its calling convention is left to the runtime), so the fingerprints of every build,
/// no-change check included, JIT-compiled the listing, the sums and UInt128's hex formatting in each fresh process.
/// </summary>
public readonly record struct HashSum(ulong High, ulong Low)
{
    /// <summary>The hash of <paramref name="bytes"/>, the value <see cref="XxHash128.HashToUInt128"/> gives.</summary>
    public static HashSum Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash); // big-endian, high half first
        return new(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
    }

    public static HashSum operator +(HashSum a, HashSum b)
    {
        var low = a.Low + b.Low;
        return new(a.High + b.High + (low < a.Low ? 1UL : 0UL), low);
    }

    /// <summary>32 lowercase hex digits, as UInt128's "x32".</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Low);
        return Convert.ToHexStringLower(bytes);
    }
}
