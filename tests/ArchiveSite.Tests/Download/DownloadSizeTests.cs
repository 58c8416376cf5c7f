using System.Text;
using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class DownloadSizeTests
{
    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Every_size_span_shows_the_size_and_the_rest_of_the_page_is_kept()
    {
        var page = Utf8("<p>é <span class=\"archive-size\">zip</span></p><footer><span class=\"archive-size\">1.0 MB</span>&lt;span class=\"archive-size\"&gt;</footer>");

        var shown = DownloadSize.Show(page, "12.4 MB");

        Assert.Equal("<p>é <span class=\"archive-size\">12.4 MB</span></p><footer><span class=\"archive-size\">12.4 MB</span>&lt;span class=\"archive-size\"&gt;</footer>",
            Encoding.UTF8.GetString(shown));
    }

    [Fact]
    public void A_page_that_already_shows_the_size_or_has_no_span_is_returned_as_it_is()
    {
        var showing = Utf8("<span class=\"archive-size\">840 KB</span>");
        var without = Utf8("<p>no footer</p><span class=\"archive-size\">unterminated");

        Assert.Same(showing, DownloadSize.Show(showing, "840 KB"));
        Assert.Same(without, DownloadSize.Show(without, "840 KB"));
    }

    [Theory]
    [InlineData(12_940_000, 12_960_000, "12.4 MB")]  // just under the guess: padded up to it
    [InlineData(13_002_342, 13_002_000, "12.4 MB")]  // over the guess: no padding can lower a size
    [InlineData(12_000_000, 13_000_000, "12.4 MB")]  // too far under for a zip comment
    public void A_zip_just_short_of_its_guessed_size_is_padded_up_to_show_it(long size, long guessedFrom, string guess)
    {
        var padding = WriteArchiveZip.PaddingToShow(guess, size, guessedFrom);

        if (padding is { } bytes)
        {
            Assert.Equal(guess, ArchiveZip.FormatSize(size + bytes));
            Assert.NotEqual(guess, ArchiveZip.FormatSize(size + bytes - 1));
            Assert.InRange(bytes, 1, ZipWriter.MaxCommentLength);
        }
        Assert.Equal(size == 12_940_000, padding is not null);
    }
}
