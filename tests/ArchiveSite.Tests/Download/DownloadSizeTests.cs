using System.Text;
using ArchiveSite.Download;

namespace ArchiveSite.Tests.Download;

public sealed class DownloadSizeTests
{
    [Fact]
    public void The_style_sheet_puts_the_size_in_brackets_before_the_empty_span()
    {
        Assert.Equal(".archive-size::before { content: \" (474.6 MB)\"; }\n", Encoding.ASCII.GetString(DownloadSize.Style("474.6 MB")));
        Assert.Equal(DownloadSize.Style("1.2 MB").Length + 1, DownloadSize.Style("12.4 MB").Length);
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
