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
    /// The page with <paramref name="size"/> in every size span; the same array when it already shows it
    /// (or has no span). Transcript text cannot fake a span: it reaches pages escaped.
    /// </summary>
    public static byte[] Show(byte[] page, string size)
    {
        var shown = Encoding.UTF8.GetBytes(size);
        List<(int From, int To)>? replaced = null;
        var at = 0;
        while (at < page.Length)
        {
            var start = page.AsSpan(at).IndexOf(Start);
            if (start < 0)
                break;
            var from = at + start + Start.Length;
            var end = page.AsSpan(from).IndexOf((byte)'<');
            if (end < 0)
                break;
            if (!page.AsSpan(from, end).SequenceEqual(shown))
                (replaced ??= []).Add((from, from + end));
            at = from + end;
        }
        if (replaced is null)
            return page;

        var result = new MemoryStream(page.Length + replaced.Count * shown.Length);
        var copied = 0;
        foreach (var (from, to) in replaced)
        {
            result.Write(page, copied, from - copied);
            result.Write(shown);
            copied = to;
        }
        result.Write(page, copied, page.Length - copied);
        return result.ToArray();
    }
}
