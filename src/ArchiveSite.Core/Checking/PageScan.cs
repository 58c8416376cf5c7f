using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;

namespace ArchiveSite.Checking;

/// <summary>What a link check needs from one HTML page: its anchors, the URLs it refers to, its parse errors.</summary>
public sealed record PageScan(IReadOnlySet<string> Ids, IReadOnlyList<PageReference> References, IReadOnlyList<string> Problems)
{
    /// <summary>Elements and attributes that load or link something; srcset is split into its URLs.</summary>
    static readonly (string Selector, string Attribute)[] UrlAttributes =
    [
        ("a[href]", "href"), ("area[href]", "href"), ("link[href]", "href"), ("script[src]", "src"),
        ("img[src]", "src"), ("img[srcset]", "srcset"), ("source[src]", "src"), ("source[srcset]", "srcset"),
        ("iframe[src]", "src"), ("embed[src]", "src"), ("object[data]", "data"), ("video[src]", "src"),
        ("video[poster]", "poster"), ("audio[src]", "src"), ("track[src]", "src"), ("form[action]", "action"),
    ];

    public static PageScan Parse(string html)
    {
        var problems = new List<string>();
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = false });
        parser.Error += (_, e) =>
        {
            if (e is HtmlErrorEvent error)
                problems.Add($"line {error.Position.Line}: HTML parse error: {error.Message}");
        };
        using var document = parser.ParseDocument(html);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]"))
            if (!ids.Add(element.Id!))
                problems.Add($"duplicate id \"{element.Id}\"");
        foreach (var anchor in document.QuerySelectorAll("a[name]"))
            ids.Add(anchor.GetAttribute("name")!);

        var references = new List<PageReference>();
        foreach (var (selector, attribute) in UrlAttributes)
        {
            foreach (var element in document.QuerySelectorAll(selector))
            {
                var value = element.GetAttribute(attribute)!;
                var where = $"{element.LocalName} {attribute}";
                var urls = attribute == "srcset"
                    ? value.Split(',').Select(c => c.Trim().Split(' ')[0]).Where(u => u.Length > 0)
                    : [value.Trim()];
                var canonical = element.LocalName == "link" &&
                                (element.GetAttribute("rel") ?? "").Split(' ').Contains("canonical");
                references.AddRange(urls.Select(u => new PageReference(where, u, AbsoluteAllowed: canonical)));
            }
        }
        foreach (var script in document.QuerySelectorAll("script[type=module]"))
            problems.Add("script type=\"module\" does not load from file://");
        foreach (var element in document.QuerySelectorAll("[style]"))
            references.AddRange(StylesheetUrls.Find(element.GetAttribute("style")!).Select(u => new PageReference("style url", u)));
        foreach (var style in document.QuerySelectorAll("style"))
            references.AddRange(StylesheetUrls.Find(style.TextContent).Select(u => new PageReference("style url", u)));

        return new PageScan(ids, references, problems);
    }
}
