using Scriban;
using Scriban.Parsing;

namespace ArchiveSite.Site;

/// <summary>
/// A Scriban context that HTML-escapes every value a template writes, unless it is <see cref="RawHtml"/> (or a
/// <see cref="LinkedParagraph"/>, which makes its own).
/// Scriban escapes nothing by default; escaping at the one place values are written means a template
/// cannot forget to, whether the value lands in text or in an attribute.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext()
    {
        StrictVariables = true;
        LoopLimit = 0;
        LimitToString = 0;
        OutputLimit = 0;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is RawHtml raw)
            return Write(raw.Html);
        if (textAsObject is LinkedParagraph paragraph)
            return Write(paragraph.ToHtml().Html);
        if (textAsObject is null)
            return this;
        return Write(Html.Escape(ObjectToString(textAsObject) ?? ""));
    }
}
