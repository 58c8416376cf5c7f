using ArchiveSite.Search;
using Jint;
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
    public void Small_numbers_take_one_character_and_weights_up_to_2_161_two()
    {
        var text = new System.Text.StringBuilder();
        PostingEncoding.Append(text, 0);
        PostingEncoding.Append(text, 45);
        PostingEncoding.Append(text, 46);
        PostingEncoding.Append(text, 2161);
        PostingEncoding.Append(text, 2162);
        Assert.Equal(" " + "N" + "P " + "~N" + "PO ", text.ToString());
        Assert.DoesNotContain('"', text.ToString());
        Assert.DoesNotContain('\\', text.ToString());
    }

    [Fact]
    public void The_browser_decodes_what_csharp_encodes()
    {
        long[] numbers = [0, 1, 45, 46, 47, 2161, 2162, 101_567, 4_000_000_000, 9_000_000_000_000];
        var text = new System.Text.StringBuilder();
        foreach (var n in numbers) PostingEncoding.Append(text, n);
        var scripts = new SearchScripts();
        scripts.Engine.SetValue("__text", text.ToString());
        Assert.Equal(string.Join(",", numbers), scripts.Engine.Evaluate("ArchiveSearch.decodeNumbers(__text).join(',')").AsString());
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
