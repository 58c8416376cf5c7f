using ArchiveSite.Ingest.RawText;
using ArchiveSite.Model;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>The passes that prepare lines: splitting, HTML unwrapping, the extraction shell, margin numbers.</summary>
public sealed class LinePassTests
{
    [Fact]
    public void Splitting_keeps_line_numbers_marks_form_feeds_and_evens_out_pdf_characters()
    {
        var lines = LineSplitter.Split("one\n\ftwo\u00A0words\nsoft\u00ADhyphen and -\u00AD\n\tindented\n");
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.Number));
        Assert.False(lines[0].PageStart);
        Assert.True(lines[1].PageStart);
        Assert.Equal("two words", lines[1].Text);
        Assert.Equal("softhyphen and --", lines[2].Text);
        Assert.Equal(4, lines[3].Indent);
    }

    [Fact]
    public void The_pre_wrapper_is_unwrapped_with_entities_decoded_and_the_markup_counted()
    {
        var removed = new List<RemovedLine>();
        var lines = HtmlPreUnwrapper.Unwrap(LineSplitter.Split("<html>\n<title>T</title>\n<body><pre>\nA &amp; B\n</pre></body></html>\n"), removed);
        var line = Assert.Single(lines);
        Assert.Equal((4, "A & B"), (line.Number, line.Text));
        Assert.Equal([1, 2, 3, 5], removed.Select(r => r.Line));
        Assert.All(removed, r => Assert.Equal("markup", r.Kind));
    }

    [Fact]
    public void Text_that_merely_mentions_pre_is_not_unwrapped()
    {
        var removed = new List<RemovedLine>();
        var lines = LineSplitter.Split("Dr. Smith: we use a <pre> tag here.\nDr. Jones: fine.\n");
        Assert.Same(lines, HtmlPreUnwrapper.Unwrap(lines, removed));
        Assert.Empty(removed);
    }

    [Fact]
    public void The_markdown_shell_of_a_pdf_extraction_is_stripped_only_at_the_top()
    {
        var removed = new List<RemovedLine>();
        var lines = ExtractionShell.Strip(LineSplitter.Split("# call.pdf\n\n*Extracted on: today*\n## Document Content\n--- Page 1 ---\n*emphasis*\n"), removed);
        Assert.Equal(["--- Page 1 ---", "*emphasis*"], lines.Select(l => l.Text));
        Assert.Equal([1, 3, 4], removed.Select(r => r.Line));

        var plain = LineSplitter.Split("# Notes\n*Extracted on: today*\n");
        Assert.Same(plain, ExtractionShell.Strip(plain, []));
    }

    [Fact]
    public void Margin_numbers_are_stripped_only_when_they_count_up_line_after_line()
    {
        var text = string.Join('\n', Enumerable.Range(1, 25).Select(n => n % 5 == 0 ? $"{n,2}" : $"{n,2}   text on line {n}")) + "\nword 12:3 14:5";
        var removed = new List<RemovedLine>();
        var lines = MarginLineNumbers.Strip(LineSplitter.Split(text), removed, out var numbered);
        Assert.True(numbered);
        Assert.Equal("   text on line 1", lines[0].Text);
        Assert.Equal(5, removed.Count);
        Assert.All(removed, r => Assert.Equal("line-number", r.Kind));
        Assert.True(lines[^1].Unnumbered);

        var prose = LineSplitter.Split("50 basis points is a lot.\n" + string.Join('\n', Enumerable.Repeat("MR. KOHN. Yes.", 30)));
        Assert.Same(prose, MarginLineNumbers.Strip(prose, [], out var proseNumbered));
        Assert.False(proseNumbered);
    }
}
