using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArchiveSite.Site;

/// <summary>
/// schema.org descriptions for a <c>&lt;script type="application/ld+json"&gt;</c> element. The serialiser
/// escapes &lt;, &gt; and &amp; as \u003C..., so no transcript text can close the script element.
/// </summary>
public static class JsonLd
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static RawHtml Script(JsonObject description)
    {
        var json = description.ToJsonString(Options);
        return new RawHtml("<script type=\"application/ld+json\">" + json.Replace("</", "<\\/") + "</script>");
    }
}
