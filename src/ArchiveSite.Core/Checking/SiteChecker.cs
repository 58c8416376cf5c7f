using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ArchiveSite.Checking;

/// <summary>
/// Checks a built site the way a reader offline would meet it: every page parses cleanly, every relative
/// link, anchor, image, script and stylesheet resolves to a file in the site, and nothing refers to the
/// network, a root-relative "/" path or a folder. Absolute URLs are allowed only where they must be
/// absolute: the canonical link (Open Graph and Twitter meta tags are not links and are not checked).
/// </summary>
public static partial class SiteChecker
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    public static IReadOnlyList<SiteProblem> Check(string siteDirectory)
    {
        var root = Path.GetFullPath(siteDirectory);
        if (!Directory.Exists(root))
            return [new SiteProblem(siteDirectory, "site folder not found")];

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Relative(root, f))
            .ToHashSet(StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
            .Select(d => Relative(root, d))
            .ToHashSet(StringComparer.Ordinal);
        var problems = new ConcurrentBag<SiteProblem>();
        if (!files.Contains("index.html"))
            problems.Add(new SiteProblem("index.html", "missing: the site has no front page"));

        var pages = new ConcurrentDictionary<string, PageScan>(StringComparer.Ordinal);
        Parallel.ForEach(files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)), page =>
            pages[page] = PageScan.Parse(File.ReadAllText(Path.Combine(root, page))));

        var site = new SiteFiles(root, files, folders, pages);
        Parallel.ForEach(pages, page =>
        {
            foreach (var problem in page.Value.Problems)
                problems.Add(new SiteProblem(page.Key, problem));
            foreach (var reference in page.Value.References)
                if (CheckReference(site, page.Key, reference) is { } problem)
                    problems.Add(new SiteProblem(page.Key, problem));
        });
        foreach (var stylesheet in files.Where(f => f.EndsWith(".css", StringComparison.Ordinal)))
            foreach (var url in StylesheetUrls.Find(File.ReadAllText(Path.Combine(root, stylesheet))))
                if (CheckReference(site, stylesheet, new PageReference("css url", url)) is { } problem)
                    problems.Add(new SiteProblem(stylesheet, problem));
        foreach (var problem in SearchFilesCheck.Check(root, files))
            problems.Add(problem);

        return problems
            .OrderBy(p => p.File, StringComparer.Ordinal)
            .ThenBy(p => p.Message, StringComparer.Ordinal)
            .ToList();
    }

    sealed record SiteFiles(string Root, HashSet<string> Files, HashSet<string> Folders, ConcurrentDictionary<string, PageScan> Pages);

    /// <summary>The problem with one URL found in <paramref name="file"/>, or null when it resolves.</summary>
    static string? CheckReference(SiteFiles site, string file, PageReference reference)
    {
        var (where, url) = (reference.Where, reference.Url);
        var quoted = $"{where} \"{url}\"";
        if (url.Length == 0)
            return $"{where} is empty";
        if (url.StartsWith("//", StringComparison.Ordinal) ||
            url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ||
            url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            return reference.AbsoluteAllowed ? null : $"{quoted} refers to the network";
        if (Scheme().IsMatch(url))
        {
            var scheme = url[..url.IndexOf(':')].ToLowerInvariant();
            return (scheme, where) switch
            {
                ("mailto", "a href") => null,
                ("data", "img src" or "img srcset" or "source srcset") => null,
                _ => $"{quoted} uses the {scheme}: scheme",
            };
        }
        if (url.StartsWith('/'))
            return $"{quoted} is root-relative: it breaks from file:// and under a sub-path";

        var hash = url.IndexOf('#');
        var fragment = hash >= 0 ? Uri.UnescapeDataString(url[(hash + 1)..]) : null;
        var pathAndQuery = hash >= 0 ? url[..hash] : url;
        var question = pathAndQuery.IndexOf('?');
        var path = Uri.UnescapeDataString(question >= 0 ? pathAndQuery[..question] : pathAndQuery);

        string target;
        if (path.Length == 0)
            target = file;
        else
        {
            if (path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal) || path is "." or "..")
                return $"{quoted} is a folder URL: name the file (index.html)";
            var full = Path.GetFullPath(Path.Combine(site.Root, Path.GetDirectoryName(file) ?? "", path));
            target = Relative(site.Root, full);
            if (target.StartsWith("../", StringComparison.Ordinal) || target == "..")
                return $"{quoted} points outside the site";
            if (site.Folders.Contains(target))
                return $"{quoted} is a folder URL: name the file (index.html)";
            if (!site.Files.Contains(target))
                return $"{quoted}: {target} does not exist";
        }

        if (fragment is null)
            return null;
        if (fragment.Length == 0)
            return $"{quoted} has an empty anchor";
        if (!site.Pages.TryGetValue(target, out var page))
            return null;
        return page.Ids.Contains(fragment) ? null : $"{quoted}: no id \"{fragment}\" in {target}";
    }

    static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
