using System.Text.Json;
using ArchiveSite.Search;
using ArchiveSite.Tests.Support;
using Jint;

namespace ArchiveSite.Tests.Search;

/// <summary>
/// A JavaScript engine holding the real lunr.js 2.3.9 (from theme/node_modules) and the site's search
/// core and merge scripts, as the browser has them (compacted as the build copies them).
/// </summary>
public sealed class SearchScripts
{
    public Engine Engine { get; } = new(options => options.Strict(false).LimitRecursion(10_000));

    public SearchScripts()
    {
        var lunr = Path.Combine(RepoPaths.Root, "theme", "node_modules", "lunr", "lunr.js");
        if (!File.Exists(lunr))
            throw new FileNotFoundException($"lunr.js not found at {lunr}: run 'cd theme && npm ci' first");
        Engine.Execute(File.ReadAllText(lunr));
        // As the site ships them: without comment lines (CopyThemeAssets).
        foreach (var script in new[] { "search-core.js", "search-merge.js" })
            Engine.Execute(ArchiveSite.Output.CompactScript.Of(File.ReadAllText(Path.Combine(RepoPaths.Root, "theme", "assets", "js", script))));
    }

    /// <summary>Builds an index with lunr.js itself; documents get refs "0".."N-1" in order.</summary>
    public string BuildWithLunrJs(IReadOnlyList<IReadOnlyDictionary<string, string>> documents, IReadOnlyList<(string Name, int Boost)> fields)
    {
        Engine.SetValue("__documents", JsonSerializer.Serialize(documents));
        Engine.SetValue("__fields", JsonSerializer.Serialize(fields.Select(f => new object[] { f.Name, f.Boost })));
        return Engine.Evaluate("""
            (function () {
              var documents = JSON.parse(__documents), fields = JSON.parse(__fields)
              return JSON.stringify(lunr(function () {
                this.ref("id")
                for (var f = 0; f < fields.length; f++) this.field(fields[f][0], { boost: fields[f][1] })
                for (var d = 0; d < documents.length; d++) { documents[d].id = String(d); this.add(documents[d]) }
              }))
            })()
            """).AsString();
    }

    public void Run(IEnumerable<SearchFile> files)
    {
        foreach (var file in files) Engine.Execute(file.Content);
    }

    /// <summary>Results of the unsplit index, loaded from its JSON with lunr.Index.load.</summary>
    public IReadOnlyList<Hit> SearchUnsplit(string indexJson, string query)
    {
        Engine.SetValue("__index", indexJson);
        Engine.SetValue("__query", query);
        return Hits("lunr.Index.load(JSON.parse(__index)).search(__query)");
    }

    /// <summary>Results of the index merged from only the shards the query selects, and how many it loaded.</summary>
    public (IReadOnlyList<Hit> Hits, int ShardsUsed) SearchMerged(string query)
    {
        Engine.SetValue("__query", query);
        var shards = Engine.Evaluate("""
            (function () {
              var manifest = ArchiveSearch.received.manifest, parsed = ArchiveSearch.parseQuery(manifest, __query)
              __shards = ArchiveSearch.shardsForQuery(manifest, parsed)
              __parsed = parsed
              return __shards.length
            })()
            """).AsNumber();
        var hits = Hits("ArchiveSearch.mergeShards(ArchiveSearch.received.manifest, __shards, __parsed).search(__query)");
        return (hits, (int)shards);
    }

    /// <summary>
    /// The fast path's answer from the shards the query selects: how many results, and the best
    /// <paramref name="count"/> of them; null when it leaves the query to lunr.
    /// </summary>
    public (int Total, IReadOnlyList<Hit> Hits)? SearchFast(string query, int count)
    {
        Engine.SetValue("__query", query);
        Engine.SetValue("__count", count);
        var found = Engine.Evaluate("""
            (function () {
              var manifest = ArchiveSearch.received.manifest, parsed = ArchiveSearch.parseQuery(manifest, __query)
              __fast = ArchiveSearch.fastSearch(manifest, ArchiveSearch.shardsForQuery(manifest, parsed), parsed, __count)
              return __fast === null ? -1 : __fast.total
            })()
            """).AsNumber();
        return found < 0 ? null : ((int)found, Hits("__fast.top"));
    }

    IReadOnlyList<Hit> Hits(string resultsExpression)
    {
        var json = Engine.Evaluate($"JSON.stringify(({resultsExpression}).map(function (r) {{ return [r.ref, r.score, Object.keys(r.matchData.metadata).sort()] }}))").AsString();
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(r => new Hit(r[0].GetString()!, r[1].GetDouble(), string.Join(" ", r[2].EnumerateArray().Select(t => t.GetString()))))
            .ToArray();
    }

    public sealed record Hit(string Ref, double Score, string MatchedTerms);
}
