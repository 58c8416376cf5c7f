using ArchiveSite.Search;

namespace ArchiveSite.Tests.Search;

public sealed class ShardWriterTests
{
    [Theory]
    [InlineData("apple", "apricot", "apr")]
    [InlineData("a", "b", "b")]
    [InlineData("ab", "abc", "abc")]
    [InlineData("abc", "abd", "abd")]
    [InlineData("", "zebra", "z")]
    [InlineData("Zulu", "alpha", "a")]
    public void A_separator_is_the_shortest_prefix_of_the_first_term_after_the_previous_term(string previous, string first, string expected)
    {
        var separator = ShardWriter.Separator(previous, first);
        Assert.Equal(expected, separator);
        Assert.True(string.CompareOrdinal(previous, separator) < 0);
        Assert.True(string.CompareOrdinal(separator, first) <= 0);
    }

    [Fact]
    public void A_separator_never_splits_a_surrogate_pair()
    {
        var separator = ShardWriter.Separator("\U0001F600a", "\U0001F600b");
        Assert.Equal("\U0001F600b", separator);
        Assert.Equal("\U0001F601", ShardWriter.Separator("\U0001F600zz", "\U0001F601zz"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(4000, 64)]
    public void Groups_hold_about_the_square_root_of_the_shard_count(int shards, int expected) =>
        Assert.Equal(expected, ShardWriter.GroupSize(shards));
}
