using ArchiveSite.Cards;

namespace ArchiveSite.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("  line one\r\n\tline two  ", "line one line two")]
    [InlineData("it doesn't matter", "it doesn\u2019t matter")]
    [InlineData("'quoted' words", "'quoted' words")]
    [InlineData("Mu\u0308ller\u200B", "Mu\u0308ller")]
    [InlineData("bell\u0007 and nul\0", "bell and nul")]
    public void Text_is_one_clean_composed_paragraph(string raw, string expected)
    {
        Assert.Equal(expected, CardText.Clean(raw));
    }
}
