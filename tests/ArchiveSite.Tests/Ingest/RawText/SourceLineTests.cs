using ArchiveSite.Ingest.RawText;
using CsCheck;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>
/// A line read from a span keeps only its trimmed text when spaces are all around it; whatever it keeps, it must
/// give back the whole line and measure it as a line made from the whole string does.
/// </summary>
public sealed class SourceLineTests
{
    static readonly Gen<string> Lines = Gen.Char[" a1.\u2003\u00A0:"].Array[0, 12].Select(chars => new string(chars));

    [Fact]
    public void A_line_read_from_a_span_gives_back_the_whole_line_and_measures_it_the_same() =>
        Lines.Sample(text =>
        {
            var fromSpan = SourceLine.Of(7, text.AsSpan(), pageStart: true);
            var fromString = new SourceLine(7, text, pageStart: true);
            Assert.Equal(text, fromSpan.Text);
            Assert.Equal(text.Trim(), fromSpan.Trimmed);
            Assert.Equal(text.Length - text.TrimStart(' ').Length, fromSpan.Indent);
            Assert.Equal(text.Length - text.TrimEnd(' ').Length, fromSpan.TrailingSpaces);
            Assert.Equal(text.TrimEnd().Length, fromSpan.LengthWithoutTrailingSpace);
            Assert.Equal((fromString.Trimmed, fromString.Indent, fromString.TrailingSpaces, fromString.LengthWithoutTrailingSpace, fromString.PageStart),
                (fromSpan.Trimmed, fromSpan.Indent, fromSpan.TrailingSpaces, fromSpan.LengthWithoutTrailingSpace, fromSpan.PageStart));
        }, iter: 5000);

    [Fact]
    public void A_line_given_new_text_is_measured_again()
    {
        var line = SourceLine.Of(3, "  12  Q: Yes.  ", pageStart: false) with { Text = "  Q: Yes. " };
        Assert.Equal(("  Q: Yes. ", "Q: Yes.", 2, 1, 9), (line.Text, line.Trimmed, line.Indent, line.TrailingSpaces, line.LengthWithoutTrailingSpace));
    }
}
