using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ArchiveSite.Site;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless it is <see cref="RawHtml"/> or
/// <see cref="RenderedHtml"/> (or a <see cref="LinkedParagraph"/>, which makes its own).
/// Scriban escapes nothing by default; escaping at the one place values are written means a template
/// cannot forget to, whether the value lands in text or in an attribute.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext() : base(new BuiltinsOnFirstUse())
    {
        StrictVariables = true;
        LoopLimit = 0;
        LimitToString = 0;
        OutputLimit = 0;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null)
            return this;
        // Scriban indents written text only inside an indented include; otherwise writing text appends it to the
        // output's builder, so the escaped or linked text goes there at once rather than through a string of its own
        // (each paragraph of a transcript was three copies of itself). Outside an include Scriban's indent is "", not null.
        if (!string.IsNullOrEmpty(CurrentIndent) || Output is not StringBuilderOutput { Builder: var html })
            return Write(AsHtml(textAsObject));
        switch (textAsObject)
        {
            case RawHtml raw:
                html.Append(raw.Html);
                break;
            case RenderedHtml rendered:
                html.Append(rendered.Html);
                break;
            case LinkedParagraph paragraph:
                paragraph.AppendHtml(html);
                break;
            default:
                Html.Append(html, ObjectToString(textAsObject) ?? "");
                break;
        }
        return this;
    }

    string AsHtml(object value) => value switch
    {
        RawHtml raw => raw.Html,
        RenderedHtml rendered => rendered.Html.ToString(),
        LinkedParagraph paragraph => paragraph.ToHtml().Html,
        _ => Html.Escape(ObjectToString(value) ?? ""),
    };
}
