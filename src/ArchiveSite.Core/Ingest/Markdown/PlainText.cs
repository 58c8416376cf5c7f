using System.Text;
using Markdig.Syntax.Inlines;

namespace ArchiveSite.Ingest.Markdown;

/// <summary>
/// Reduces Markdown inlines to the plain words they show: emphasis and links keep their text, line breaks
/// become "\n", raw HTML and images are reported as removed markup (the model holds plain text only).
/// </summary>
internal static class PlainText
{
    public static string Of(IEnumerable<Inline> inlines, int lineOffset, Action<int, string, string> removed)
    {
        var builder = new StringBuilder();
        foreach (var inline in inlines)
            Append(inline, builder, lineOffset, removed);
        return builder.ToString();
    }

    static void Append(Inline inline, StringBuilder builder, int lineOffset, Action<int, string, string> removed)
    {
        switch (inline)
        {
            case LiteralInline literal: builder.Append(literal.Content.ToString()); break;
            case CodeInline code: builder.Append(code.Content); break;
            case LineBreakInline: builder.Append('\n'); break;
            case HtmlEntityInline entity: builder.Append(entity.Transcoded.ToString()); break;
            case AutolinkInline autolink: builder.Append(autolink.Url); break;
            case HtmlInline html: removed(lineOffset + html.Line, "html", html.Tag); break;
            case LinkInline { IsImage: true } image:
                removed(lineOffset + image.Line, "image", $"{Of((IEnumerable<Inline>)image, lineOffset, removed)} ({image.Url})");
                break;
            case ContainerInline container:
                foreach (var child in container)
                    Append(child, builder, lineOffset, removed);
                break;
        }
    }
}
