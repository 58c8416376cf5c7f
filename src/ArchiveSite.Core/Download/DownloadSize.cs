using System.Text;

namespace ArchiveSite.Download;

/// <summary>
/// The download's size in a page's footer, <c>&lt;span class="archive-size"&gt;12.4 MB&lt;/span&gt;</c>, filled in
/// on the UTF-8 bytes directly: it runs on every page in every round of the size's fixed point.
/// </summary>
public static class DownloadSize
{
    static readonly byte[] Start = "<span class=\"archive-size\">"u8.ToArray();

    /// <summary>
    /// Where the text of each size span is in <paramref name="page"/>, in order. Transcript text cannot fake
    /// a span: it reaches pages escaped.
    /// </summary>
    public static List<Range> Spans(ReadOnlySpan<byte> page)
    {
        var spans = new List<Range>();
        var at = 0;
        while (at < page.Length)
        {
            var start = page[at..].IndexOf(Start);
            if (start < 0)
                break;
            var from = at + start + Start.Length;
            var end = page[from..].IndexOf((byte)'<');
            if (end < 0)
                break;
            spans.Add(from..(from + end));
            at = from + end;
        }
        return spans;
    }

    /// <summary>The page with <paramref name="size"/> in every size span; the same array when it already shows it (or has no span).</summary>
    public static byte[] Show(byte[] page, string size)
    {
        var shown = Encoding.UTF8.GetBytes(size);
        var spans = Spans(page);
        if (spans.All(span => page.AsSpan(span).SequenceEqual(shown)))
            return page;
        var result = new byte[LengthShowing(page.Length, spans, shown.Length)];
        ShowInto(page, spans, shown, result);
        return result;
    }

    /// <summary>The length of a page of <paramref name="length"/> bytes with these size spans once they show a text of <paramref name="shownLength"/> bytes.</summary>
    public static int LengthShowing(int length, List<Range> spans, int shownLength) =>
        length + spans.Sum(span => shownLength - span.GetOffsetAndLength(length).Length);

    /// <summary>Writes <paramref name="page"/> with <paramref name="shown"/> in each of its <paramref name="spans"/> into <paramref name="into"/>, which has <see cref="LengthShowing"/> bytes.</summary>
    public static void ShowInto(ReadOnlySpan<byte> page, List<Range> spans, ReadOnlySpan<byte> shown, Span<byte> into)
    {
        int copied = 0, written = 0;
        foreach (var span in spans)
        {
            var (from, length) = span.GetOffsetAndLength(page.Length);
            page[copied..from].CopyTo(into[written..]);
            written += from - copied;
            shown.CopyTo(into[written..]);
            written += shown.Length;
            copied = from + length;
        }
        page[copied..].CopyTo(into[written..]);
    }
}
