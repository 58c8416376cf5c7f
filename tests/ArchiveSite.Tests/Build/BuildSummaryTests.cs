using ArchiveSite.Cli.Commands;

namespace ArchiveSite.Tests.Build;

public sealed class BuildSummaryTests
{
    [Theory]
    [InlineData("the quote's speaker 'Ana' is not a speaker of this transcript", "the quote's speaker '…' is not a speaker of this transcript")]
    [InlineData("the label \"O'Brien\" has no text after it", "the label \"…\" has no text after it")]
    [InlineData("the quote is given to 'Ana' but its words are in turn 12, spoken by 'ben'", "the quote is given to '…' but its words are in turn N, spoken by '…'")]
    public void Warnings_of_one_kind_differ_only_in_quoted_words_and_numbers(string message, string kind) =>
        Assert.Equal(kind, BuildSummary.KindOf(message));
}
