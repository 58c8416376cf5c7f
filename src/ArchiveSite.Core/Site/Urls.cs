using ArchiveSite.Archive;

namespace ArchiveSite.Site;

/// <summary>
/// Every page path of the site, in one place. Paths are relative to the output root and name files
/// (never folders), so the same links work on a host, under a sub-path and from <c>file://</c>.
/// </summary>
public static class Urls
{
    public const string Home = "index.html";
    public const string Search = "search.html";
    public const string SpeakersIndex = "speakers/index.html";
    public const string TopicsIndex = "topics/index.html";
    public const string Sitemap = "sitemap.xml";
    public const string Feed = "feed.xml";
    public const string Stylesheet = "assets/site.css";
    public const string Script = "assets/site.js";

    public static string Transcript(string slug) => $"transcripts/{slug}.html";
    public static string TurnAnchor(int turn) => $"t-{turn}";
    public static string Turn(string slug, int turn) => $"{Transcript(slug)}#{TurnAnchor(turn)}";
    public static string SectionAnchor(int section) => $"s-{section}";
    public static string Speaker(string id) => $"speakers/{id}.html";
    public static string Topic(string id) => $"topics/{id}.html";
    public static string Series(string id) => $"series/{id}.html";
    public static string Quote(string id) => $"quotes/{id}.html";

    /// <summary>The way up from a page to the output root: "" at the root, "../" one folder down.</summary>
    public static string RootOf(string page)
    {
        var depth = page.AsSpan().Count('/');
        // Every link of every page starts here, so the usual depths are not built again each time.
        return depth < Ups.Length ? Ups[depth] : string.Concat(Enumerable.Repeat("../", depth));
    }

    static readonly string[] Ups = ["", "../", "../../", "../../../"];

    /// <summary>A link from one page to another path, both relative to the output root.</summary>
    public static string Relative(string fromPage, string target) => RootOf(fromPage) + target;

    /// <summary>The absolute URL of a path when the site's base URL is known.</summary>
    public static string? Absolute(SiteSettings site, string path) => site.BaseUrl is null ? null : site.BaseUrl + path;
}
