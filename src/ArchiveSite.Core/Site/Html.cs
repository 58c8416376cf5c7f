using System.Buffers;
using System.Text;

namespace ArchiveSite.Site;

/// <summary>Escaping for text that lands in HTML text or a quoted attribute.</summary>
public static class Html
{
    static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    /// <summary>Escapes &amp; &lt; &gt; " and ', and nothing else (other characters stay readable in UTF-8).</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>Appends the text escaped: the runs between special characters whole, since nearly all text has none.</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var special = text.IndexOfAny(Special);
            if (special < 0)
            {
                builder.Append(text);
                return;
            }
            builder.Append(text[..special]);
            builder.Append(text[special] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(special + 1)..];
        }
    }
}
