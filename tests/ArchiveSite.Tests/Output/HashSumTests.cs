using System.IO.Hashing;
using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

/// <summary>HashSum stands in for the UInt128 the fingerprints summed: same hashes, same sums, same text.</summary>
public sealed class HashSumTests
{
    static UInt128 AsUInt128(HashSum sum) => new(sum.High, sum.Low);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(200)]
    [InlineData(5000)]
    public void A_hash_is_XxHash128s_value_and_prints_as_x32(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var hash = HashSum.Of(bytes);
        Assert.Equal(XxHash128.HashToUInt128(bytes), AsUInt128(hash));
        Assert.Equal(XxHash128.HashToUInt128(bytes).ToString("x32"), hash.ToString());
    }

    [Fact]
    public void Sums_wrap_and_carry_as_UInt128_does()
    {
        var random = new Random(7);
        var sum = default(HashSum);
        var expected = UInt128.Zero;
        // Halves near the top, so that low halves carry into the high one and the high one wraps.
        for (var i = 0; i < 1000; i++)
        {
            var part = new HashSum(ulong.MaxValue - (ulong)random.Next(4), ulong.MaxValue - (ulong)random.Next(1000));
            sum += part;
            expected += AsUInt128(part);
            Assert.Equal(expected, AsUInt128(sum));
        }
        Assert.Equal(expected.ToString("x32"), sum.ToString());
    }

    [Fact]
    public void Small_values_print_with_leading_zeros() =>
        Assert.Equal("00000000000000010000000000000002", new HashSum(1, 2).ToString());
}
