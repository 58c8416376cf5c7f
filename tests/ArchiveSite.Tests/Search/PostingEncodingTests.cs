using ArchiveSite.Search;
using CsCheck;

namespace ArchiveSite.Tests.Search;

public sealed class PostingEncodingTests
{
    [Fact]
    public void Numbers_round_trip_without_separators()
    {
        Gen.Long[0, long.MaxValue / 64].Array[0, 20].Sample(numbers =>
        {
            var text = new System.Text.StringBuilder();
            foreach (var n in numbers) PostingEncoding.Append(text, n);
            Assert.Equal(numbers, PostingEncoding.Decode(text.ToString()));
        });
    }

    [Fact]
    public void Small_numbers_take_one_character()
    {
        var text = new System.Text.StringBuilder();
        PostingEncoding.Append(text, 0);
        PostingEncoding.Append(text, 31);
        PostingEncoding.Append(text, 32);
        Assert.Equal("0v" + "x0", text.ToString());
    }

    [Theory]
    [InlineData(0.331, 331)]
    [InlineData(1, 1000)]
    [InlineData(0, 0)]
    [InlineData(12.345, 12345)]
    public void Weights_are_exact_thousandths(double weight, long thousandths) =>
        Assert.Equal(thousandths, PostingEncoding.Thousandths(weight));

    [Theory]
    [InlineData(0.3314)]
    [InlineData(-0.5)]
    public void Weights_lunr_would_not_write_are_refused(double weight) =>
        Assert.Throws<ArgumentException>(() => PostingEncoding.Thousandths(weight));
}
