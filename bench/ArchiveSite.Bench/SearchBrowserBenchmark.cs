using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ArchiveSite.Bench;

/// <summary>
/// search-browser: opens a built site's search.html?q=... from file:// in Debian's chromium (network blocked,
/// a fresh browser context per run so nothing is cached) and prints, per query, what issue 4 asks of a first
/// query: every byte the page loaded (each file:// request, sized on disk) and how long after its last
/// shard arrived the first result was on screen (data-first-ms: results are drawn as their display files
/// arrive) and the whole first page was (data-search-ms, the figure the runs are ordered by), split into finding the first page
/// (data-query-ms: the fast path, or for queries it leaves to lunr the merge data-merge-ms plus lunr's query),
/// the wait for the display files (data-display-ms: the results already complete are drawn meanwhile) and drawing the rest (data-render-ms); then, for the
/// fast path, it presses "Show more" and reports how long lunr's own query took there and whether it agreed
/// with the first page (data-lunr-ms, data-lunr). Bytes (counted before that press) are itemised by kind of file, raw (the
/// issue's target) and gzipped one file at a time (about what a server such as Netlify transfers).
/// </summary>
static class SearchBrowserBenchmark
{
    public const string Usage = "search-browser SITE_DIR [--queries \"eriksen|compassion practice|compas*\"] [--runs 3] [--timeline]";

    const string ChromiumPath = "/usr/bin/chromium";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 1)
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var site = Path.GetFullPath(args.Positional[0]);
        if (!File.Exists(Path.Combine(site, "search.html")))
        {
            Console.Error.WriteLine($"{site}/search.html not found: build the site first");
            return 2;
        }
        var queries = args.Get("--queries", "eriksen|empathy|compassion practice|patient therapist session|compas*").Split('|');
        var runs = int.Parse(args.Get("--runs", "3"));
        return RunAsync(site, queries, runs, args.Has("--timeline")).GetAwaiter().GetResult();
    }

    static async Task<int> RunAsync(string site, IReadOnlyList<string> queries, int runs, bool timeline)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium; browsers are never downloaded");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Console.WriteLine($"search in chromium from file://, {runs} cold run(s) per query; load average {LoadAverage()}");
        foreach (var query in queries)
        {
            var measured = new List<(double AfterShardsMs, double FirstMs, double MergeMs, double QueryMs, double DisplayMs, double RenderMs, double TotalMs, string[] Files, string Status, string Lunr, string Timeline)>();
            for (var run = 0; run < runs; run++)
                measured.Add(await MeasureAsync(browser, site, query));
            var median = measured.OrderBy(m => m.AfterShardsMs).ElementAt(measured.Count / 2);
            Console.WriteLine($"  {query,-28} first result {median.FirstMs,6:F1} ms, all shown {median.AfterShardsMs,6:F1} ms after the shards arrived (runs, all shown: {string.Join(", ", measured.Select(m => m.AfterShardsMs.ToString("F1")))}; first: {string.Join(", ", measured.Select(m => m.FirstMs.ToString("F1")))}; " +
                              $"{(double.IsNaN(median.MergeMs) ? "" : $"merge {median.MergeMs:F1} ms, ")}query {median.QueryMs:F1} ms, display files {median.DisplayMs:F1} ms, render {median.RenderMs:F1} ms), " +
                              $"page open to results {median.TotalMs:F0} ms; {median.Lunr}; \"{median.Status}\"");
            Console.WriteLine($"    {Transfer(site, median.Files)}");
            if (timeline) Console.WriteLine($"    {median.Timeline}");
        }
        return 0;
    }

    static async Task<(double, double, double, double, double, double, double, string[], string, string, string)> MeasureAsync(IBrowser browser, string site, string query)
    {
        await using var context = await browser.NewContextAsync();
        var networkRequests = 0;
        await context.RouteAsync(new Regex("^https?:"), async route =>
        {
            networkRequests++;
            await route.AbortAsync();
        });
        await context.AddInitScriptAsync(TimelineRecorder);
        var page = await context.NewPageAsync();
        var files = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith("file://", StringComparison.Ordinal))
                files.Add(new Uri(request.Url).LocalPath);
        };
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(Path.Combine(site, "search.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString(query));
        await page.WaitForSelectorAsync("#search-results[data-state=done], #search-results[data-state=error]", new() { Timeout = 120_000 });
        var total = clock.Elapsed.TotalMilliseconds;
        if (networkRequests > 0)
            throw new InvalidOperationException($"search.html asked the network {networkRequests} time(s)");
        var afterShards = await MillisecondsAsync(page, "data-search-ms");
        var timeline = await page.EvaluateAsync<string>(TimelineScript);
        var status = await page.TextContentAsync("#search-status") ?? "";
        var loaded = files.Distinct().Where(File.Exists).ToArray();
        var lunr = "lunr path";
        if (await page.GetAttributeAsync("#search-results", "data-path") == "fast")
        {
            lunr = "fast path";
            if (await page.QuerySelectorAsync(".search-more") is { } more)
            {
                await more.ClickAsync();
                await page.WaitForSelectorAsync("#search-results[data-lunr]", new() { Timeout = 120_000 });
                lunr = $"fast path; Show more ran lunr in {await MillisecondsAsync(page, "data-lunr-ms"):F0} ms ({await page.GetAttributeAsync("#search-results", "data-lunr")})";
            }
        }
        return (afterShards, await MillisecondsAsync(page, "data-first-ms"), await MillisecondsAsync(page, "data-merge-ms"), await MillisecondsAsync(page, "data-query-ms"),
            await MillisecondsAsync(page, "data-display-ms"), await MillisecondsAsync(page, "data-render-ms"), total, loaded, status, lunr, timeline);
    }

    /// <summary>
    /// --timeline: when each search file was requested (its script element added) and loaded (its load event,
    /// after it ran), in ms after the last shard loaded, to tell files requested late from files slow to arrive.
    /// Recorded by an init script, as resource timing has no entries for file://.
    /// </summary>
    const string TimelineRecorder = """
        window.__searchFiles = []
        const append = Node.prototype.appendChild
        Node.prototype.appendChild = function (child) {
          if (child instanceof HTMLScriptElement && child.src.includes("/search/")) {
            const file = { name: child.src.split("/").pop(), requested: performance.now(), loaded: NaN }
            window.__searchFiles.push(file)
            child.addEventListener("load", () => { file.loaded = performance.now() })
          }
          return append.call(this, child)
        }
        """;

    const string TimelineScript = """
        () => {
          const files = window.__searchFiles || []
          const shards = files.filter(f => /^s\d+\.js$/.test(f.name)).map(f => f.loaded)
          const zero = shards.length ? Math.max(...shards) : 0
          return "timeline (requested..loaded, ms after the last shard): " + files.map(f => f.name + " " +
            (f.requested - zero).toFixed(0) + ".." + (f.loaded - zero).toFixed(0)).join(", ")
        }
        """;

    /// <summary>"N files R KB raw, G KB gzip: kind files raw/gzip KB, ..." for the files one query loaded.</summary>
    static string Transfer(string site, IReadOnlyList<string> files)
    {
        var sized = files.Select(f => (Kind: KindOf(Path.GetRelativePath(site, f)), Raw: new FileInfo(f).Length, Gzip: GzipLength(f))).ToArray();
        var kinds = sized.GroupBy(f => f.Kind).OrderByDescending(g => g.Sum(f => f.Raw))
            .Select(g => $"{g.Key} {g.Count()}x {g.Sum(f => f.Raw) / 1024.0:F1}/{g.Sum(f => f.Gzip) / 1024.0:F1}");
        return $"{sized.Length} files {sized.Sum(f => f.Raw) / 1024.0:F1} KB raw, {sized.Sum(f => f.Gzip) / 1024.0:F1} KB gzip; KB raw/gzip: {string.Join(", ", kinds)}";
    }

    static string KindOf(string relative)
    {
        var name = Path.GetFileName(relative);
        return relative.Replace('\\', '/') switch
        {
            var r when r.StartsWith("search/s", StringComparison.Ordinal) => "shards",
            var r when r.StartsWith("search/g", StringComparison.Ordinal) => "groups",
            var r when r.StartsWith("search/d", StringComparison.Ordinal) && name != "documents.js" => "display",
            var r when r.StartsWith("search/t", StringComparison.Ordinal) => "top results",
            var r when r.StartsWith("search/", StringComparison.Ordinal) => name,
            _ when name.EndsWith(".woff2", StringComparison.Ordinal) || name.EndsWith(".woff", StringComparison.Ordinal) => "fonts",
            _ => name,
        };
    }

    static long GzipLength(string file)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(File.ReadAllBytes(file));
        return memory.Length;
    }

    // NaN when the query stopped before the shards (no results, unreadable query).
    static async Task<double> MillisecondsAsync(IPage page, string attribute) =>
        double.Parse(await page.GetAttributeAsync("#search-results", attribute) ?? "NaN", System.Globalization.CultureInfo.InvariantCulture);

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
