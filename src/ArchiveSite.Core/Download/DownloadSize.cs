using System.Text;

namespace ArchiveSite.Download;

/// <summary>
/// How every page shows the download's size: its footer has an empty <c>&lt;span class="archive-size"&gt;</c>
/// after the download link, and the style sheet <see cref="ArchiveZip.SizeFileName"/>, which every page links,
/// fills it in as CSS generated content. The pages are inside the zip, so with the size as text in each page the
/// size would be a fixed point over all of them: a cold build wrote every page twice, and a rebuild whose size
/// text changed rewrote every page. One small file changes instead. Readers without JavaScript still see the
/// size (it is CSS, which works from <c>file://</c> too); a browser without CSS shows the sentence without it.
/// </summary>
public static class DownloadSize
{
    /// <summary>The style sheet showing <paramref name="shown"/> (from <see cref="ArchiveZip.FormatSize"/>: digits, a point, a space and a unit, nothing CSS must escape).</summary>
    public static byte[] Style(string shown) => Encoding.ASCII.GetBytes($".archive-size::before {{ content: \" ({shown})\"; }}\n");
}
