using ArchiveSite.Ingest.RawText;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>Learning a document's conventions, and the shapes the classifier relies on.</summary>
public sealed class ConventionTests
{
    static DocumentConventions Learn(string text) => ConventionLearner.Learn(LineSplitter.Split(text));

    [Theory]
    [InlineData("Dr. Buczynski:  Hello everyone.", true, "Dr. Buczynski")]
    [InlineData("Kelly: Yes.", true, "Kelly")]
    [InlineData("CHIEF JUSTICE ROBERTS:                     We will hear", true, "CHIEF JUSTICE ROBERTS")]
    [InlineData("SPEAKER 2: Hi.", true, "SPEAKER 2")]
    [InlineData("Mr. Meltzer. I think it grew gradually.", false, "Mr. Meltzer")]
    [InlineData("Mrs. McCarthy of New York. The gentleman's time has expired.", false, "Mrs. McCarthy of New York")]
    [InlineData("The Chairman. The committee will come to order.", false, "The Chairman")]
    [InlineData("CHAIRMAN GREENSPAN. Any further questions?", false, "CHAIRMAN GREENSPAN")]
    [InlineData("MR. KOHN. Yes.", false, "MR. KOHN")]
    public void Labels_of_each_shape_are_recognised(string line, bool colon, string label)
    {
        Assert.Equal(label, LabelRecognizer.Match(line, colon ? LabelFamily.Colon : LabelFamily.Period)?.Label);
    }

    [Theory]
    [InlineData("Note: the tape was cut.", true)]
    [InlineData("PRESENT: Mr. Greenspan, Chairman", true)]
    [InlineData("Week 110, Day 5: Ron Siegel, PsyD", true)]
    [InlineData("Robert said: that is fine.", true)]
    [InlineData("Yes. We agree.", false)]
    [InlineData("Mr. Meltzer, let me start with you.", false)]
    [InlineData("OK. Fine.", false)]
    [InlineData("Dr. Smith went home. Then", false)]
    public void Look_alikes_are_not_labels(string line, bool colon)
    {
        Assert.Null(LabelRecognizer.Match(line, colon ? LabelFamily.Colon : LabelFamily.Period));
    }

    [Fact]
    public void The_label_family_is_the_one_the_document_uses_most()
    {
        Assert.Equal(LabelFamily.Period, Learn("PRESENT: Mr. Greenspan\nCHAIRMAN GREENSPAN. Hi.\nMR. KOHN. Yes.\nCHAIRMAN GREENSPAN. Good.\n").LabelFamily);
        Assert.Equal(LabelFamily.Colon, Learn("Dr. Smith: Hi.\nMr. Long. He said.\nDr. Jones: Yes.\nDr. Smith: Good.\n").LabelFamily);
        Assert.Null(Learn("Just some text.\nWith no labels.\n").LabelFamily);
    }

    [Fact]
    public void Running_lines_repeat_with_digits_normalised_and_headers_open_pages()
    {
        var conventions = Learn("\fOfficial Record\nMR. A: one\nPage 1 Acme Reporting\n\fOfficial Record\nMR. B: two\nPage 2 Acme Reporting\n\fOfficial Record\nMR. A: three\nPage 3 Acme Reporting\n");
        Assert.Equal("header", conventions.RunningLineKind("Official Record"));
        Assert.Equal("footer", conventions.RunningLineKind("Page 17 Acme Reporting"));
        Assert.Null(conventions.RunningLineKind("one"));
    }

    [Fact]
    public void A_sentence_repeated_three_times_is_not_a_running_line()
    {
        var conventions = Learn("MR. A: Yes.\nThank you.\nMR. B: Thank you.\nThank you.\nMR. A: Thank you.\nThank you.\n");
        Assert.Null(conventions.RunningLineKind("Thank you."));
    }

    [Fact]
    public void Spacing_conventions_are_learned()
    {
        var doubled = Learn("Dr. A:  one \n\ntwo  \n\nthree \n\nfour \n\nfive \n");
        Assert.True(doubled.DoubleSpaced);
        Assert.True(doubled.TrailingSpaceBreaks);
        Assert.False(doubled.IndentedParagraphs);

        var indented = Learn("    Mr. Koo. One\ntwo\nthree\n    Four\nfive\n    Mr. Watt. Six\nseven\n");
        Assert.True(indented.IndentedParagraphs);
        Assert.True(indented.LabelsIndented);
        Assert.Equal(0, indented.BodyIndent);
        Assert.False(indented.DoubleSpaced);
    }

    [Theory]
    [InlineData("--- Page 3 ---", "page-mark")]
    [InlineData("Page 3 of 10", "page-mark")]
    [InlineData("-2-", "page-number")]
    [InlineData("77", "page-number")]
    [InlineData("[GRAPHIC] [TIFF OMITTED] 61852.001", "placeholder")]
    [InlineData("- - - - - - - - - - x", "separator")]
    [InlineData("==========", "separator")]
    [InlineData("Series  Week 110, Day 5 - Title - Transcript - pg. 9", "footer")]
    [InlineData("We spent 5 days there.", null)]
    [InlineData("...", null)]
    [InlineData("[Laughter]", null)]
    public void Page_furniture_shapes(string line, string? kind)
    {
        Assert.Equal(kind, PageFurniture.KindOf(line));
    }
}
