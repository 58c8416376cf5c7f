namespace ArchiveSite.Site;

/// <summary>
/// Markup built and escaped in C# (turn text with links, JSON-LD). The only kind of value a template writes
/// without escaping it; see <see cref="HtmlTemplateContext"/>.
/// </summary>
public sealed record RawHtml(string Html)
{
    public override string ToString() => Html;
}
