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
        var replaced = Spans(page).Where(span => !page.AsSpan(span).SequenceEqual(shown)).ToList();
        if (replaced.Count == 0)
            return page;

        var result = new MemoryStream(page.Length + replaced.Count * shown.Length);
        var copied = 0;
        foreach (var span in replaced)
        {
            var (from, length) = span.GetOffsetAndLength(page.Length);
            result.Write(page, copied, from - copied);
            result.Write(shown);
            copied = from + length;
        }
        result.Write(page, copied, page.Length - copied);
        return result.ToArray();
    }
}
