using System.Text;

namespace ArchiveSite.Site;

/// <summary>
/// A paragraph of transcript text that becomes HTML (escaped, names linked by the <see cref="MentionLinker"/>)
/// only when a layout writes it. Linking every paragraph of the archive is the costliest part of the page
/// models, and a rebuild keeps all but a few pages: their fingerprints read only <see cref="Text"/> and
/// <see cref="Names"/>, which with the page's path are all the HTML is made from.
/// </summary>
public sealed class LinkedParagraph(string text, string fromPage, MentionLinker linker)
{
    public string Text => text;

    /// <summary>What the linker links, see <see cref="MentionLinker.Fingerprint"/>.</summary>
    public string Names => linker.Fingerprint;

    public RawHtml ToHtml() => linker.Link(text, fromPage);

    /// <summary><see cref="ToHtml"/> appended to <paramref name="html"/>.</summary>
    public void AppendHtml(StringBuilder html) => linker.AppendLinked(html, text, fromPage);
}
