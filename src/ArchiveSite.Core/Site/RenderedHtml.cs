using System.Text;

namespace ArchiveSite.Site;

/// <summary>
/// A layout's output, written into the page that holds it (<c>base.sbn</c>'s <c>content</c>) as it is, like
/// <see cref="RawHtml"/>, straight from the builder it was rendered into rather than through a string.
/// </summary>
public sealed class RenderedHtml(StringBuilder html)
{
    public StringBuilder Html { get; } = html;

    public override string ToString() => Html.ToString();
}
