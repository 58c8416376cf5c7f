using System.Collections.Concurrent;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ArchiveSite.Checking;

/// <summary>
/// Walks a built site and checks that every link and anchor resolves the way it will from <c>file://</c>:
/// relative paths to files that exist (never "/..." and never a folder), fragments that name an element
/// id on the target page, and nothing loaded from the network.
/// </summary>
public static class LinkChecker
{
    /// <summary>Elements and the attribute that holds their link; "load" means the browser fetches it by itself.</summary>
    static readonly (string Selector, string Attribute, bool Loads)[] LinkAttributes =
    [
        ("a[href]", "href", false),
        ("area[href]", "href", false),
        ("form[action]", "action", false),
        ("link[href]", "href", true),
        ("script[src]", "src", true),
        ("img[src]", "src", true),
        ("source[src]", "src", true),
        ("iframe[src]", "src", true),
        ("audio[src]", "src", true),
        ("video[src]", "src", true),
    ];

    public static LinkReport Check(string siteDirectory)
    {
        var root = Path.GetFullPath(siteDirectory);
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

        var parsed = new ConcurrentDictionary<string, ParsedPage>(StringComparer.Ordinal);
        Parallel.ForEach(pages, page => parsed[page] = Parse(Path.Combine(root, page)));

        var problems = new List<LinkProblem>();
        var external = new List<string>();
        var links = 0;
        foreach (var page in pages)
            foreach (var link in parsed[page].Links)
            {
                links++;
                var problem = Problem(root, page, link, parsed, out var isExternal);
                if (problem is not null)
                    problems.Add(new LinkProblem(page, link.Value, problem));
                else if (isExternal)
                    external.Add($"{page}: {link.Value}");
            }
        return new LinkReport(pages.Count, links, problems, external);
    }

    sealed record FoundLink(string Value, bool Loads, string? Rel);

    sealed record ParsedPage(HashSet<string> Ids, List<FoundLink> Links);

    static ParsedPage Parse(string file)
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(file));
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(document.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!))
            .ToHashSet(StringComparer.Ordinal);
        var links = new List<FoundLink>();
        foreach (var (selector, attribute, loads) in LinkAttributes)
            foreach (var element in document.QuerySelectorAll(selector))
                links.Add(new FoundLink(element.GetAttribute(attribute)!.Trim(), loads, RelOf(element)));
        return new ParsedPage(ids, links);
    }

    static string? RelOf(IElement element) => element.GetAttribute("rel")?.ToLowerInvariant();

    static string? Problem(string root, string page, FoundLink link, IReadOnlyDictionary<string, ParsedPage> pages, out bool isExternal)
    {
        isExternal = false;
        var value = link.Value;
        if (value.Length == 0)
            return "empty link";
        if (value.StartsWith("//", StringComparison.Ordinal) || HasScheme(value, out var scheme) && scheme is "http" or "https")
        {
            isExternal = true;
            var declaresItself = link.Rel is "canonical" or "alternate";
            return link.Loads && !declaresItself ? "loads a file from the network" : null;
        }
        if (HasScheme(value, out scheme))
            return scheme is "mailto" or "tel" or "data" ? null : $"'{scheme}:' links are not allowed";
        if (value.StartsWith('/'))
            return "starts with '/', which breaks under a sub-path and from file://";

        var hash = value.IndexOf('#');
        var pathPart = hash >= 0 ? value[..hash] : value;
        var fragment = hash >= 0 ? Uri.UnescapeDataString(value[(hash + 1)..]) : null;
        var query = pathPart.IndexOf('?');
        if (query >= 0)
            pathPart = pathPart[..query];

        var target = page;
        if (pathPart.Length > 0)
        {
            if (pathPart.EndsWith('/'))
                return "names a folder; link to its index.html";
            target = Resolve(page, Uri.UnescapeDataString(pathPart));
            if (target is null)
                return "points above the site root";
            var full = Path.Combine(root, target);
            if (Directory.Exists(full))
                return "names a folder; link to its index.html";
            if (!File.Exists(full))
                return "the target file does not exist";
        }
        if (fragment is { Length: > 0 } && pages.TryGetValue(target, out var targetPage) && !targetPage.Ids.Contains(fragment))
            return $"no element with id '{fragment}' on {target}";
        return null;
    }

    static bool HasScheme(string value, out string scheme)
    {
        var colon = value.IndexOf(':');
        var slash = value.IndexOfAny(['/', '?', '#']);
        scheme = colon > 0 && (slash < 0 || colon < slash) ? value[..colon].ToLowerInvariant() : "";
        return scheme.Length > 0 && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    /// <summary>The root-relative path a relative link from a page leads to, or null when it climbs above the root.</summary>
    static string? Resolve(string page, string relative)
    {
        var parts = page.Split('/').SkipLast(1).ToList();
        foreach (var segment in relative.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
                parts.Add(segment);
        }
        return string.Join('/', parts);
    }
}
