using ArchiveSite.Search;
using Jint;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Search;

/// <summary>
/// The index cut into shards and merged back in the browser's code (search-core.js and search-merge.js, run
/// in Jint next to the real lunr.js) answers every query exactly as the unsplit index does: same refs, same
/// order, same scores (to the bit), same matched terms, while loading only the shards the query selects.
/// </summary>
public sealed class ShardMergeTests
{
    static readonly (string Name, int Boost)[] Fields = [("text", 1), ("speaker", 3), ("title", 3), ("section", 2), ("topics", 2)];

    public static readonly TheoryData<string> Queries = new()
    {
        "insula", "empathy", "empathic", "feelings", "running runs", "the", "café", "naïve",
        "speaker:siegel", "speaker:siegel pacing", "title:critical", "section:empathy compassion",
        "empathy^10 compassion", "compassion^3 speaker:mcgonigal",
        "+empathy -compassion", "+empathy +insula", "+nothingmatches empathy", "-empathy", "-empathy -compassion",
        "recrimin*", "em*", "*tion", "c*n", "e*", "z*", "*",
        "empthy~1", "compasion~2", "pacing~1 insula",
        "linehan willingness", "Linehan", "hostile clients", "",
        "empathy empathy", "compas* compassion", "+speaker:siegel pacing", "+em* -compassion", "pacing^0",
        "title:critical^5 insula", "+empathy +nothingmatches", "-compassion empathy",
    };

    /// <summary>Queries the fast path leaves to lunr: negated ones and those that reach every shard.</summary>
    static readonly string[] LeftToLunr = ["-empathy", "-empathy -compassion", "*tion", "*", "empthy~1", "compasion~2", "pacing~1 insula", ""];

    [Fact]
    public void The_merged_index_holds_only_the_terms_the_query_can_reach()
    {
        var (scripts, indexJson, _) = Fixture.Value;
        var terms = scripts.Engine.Evaluate("""
            (function () {
              var manifest = ArchiveSearch.received.manifest, query = ArchiveSearch.parseQuery(manifest, "insula recrimin*")
              return Object.keys(ArchiveSearch.mergeShards(manifest, ArchiveSearch.shardsForQuery(manifest, query), query).invertedIndex).join(" ")
            })()
            """).AsString().Split(' ');

        Assert.Contains("insula", terms);
        Assert.All(terms, term => Assert.True(term == "insula" || term.StartsWith("recrimin", StringComparison.Ordinal), term));
        Assert.Contains(terms, term => term.StartsWith("recrimin", StringComparison.Ordinal));
        Assert.Contains("\"empathi\"", indexJson);
    }

    [Theory]
    [InlineData("empathy")]
    [InlineData("pacing")]
    [InlineData("compas*")]
    public void The_likely_top_documents_of_a_one_term_query_are_lunrs_top_results(string text)
    {
        var (scripts, _, _) = Fixture.Value;
        scripts.Engine.SetValue("__text", text);
        var both = scripts.Engine.Evaluate("""
            (function () {
              var manifest = ArchiveSearch.received.manifest, query = ArchiveSearch.parseQuery(manifest, __text)
              var index = ArchiveSearch.mergeShards(manifest, ArchiveSearch.shardsForQuery(manifest, query), query)
              var results = index.search(__text).map(function (r) { return r.ref })
              return ArchiveSearch.likelyTop(index, 3).join(" ") + "|" + results.slice(0, 3).join(" ") + "|" + results.length
            })()
            """).AsString().Split('|');

        Assert.True(int.Parse(both[2]) >= 2, $"'{text}' should match several documents");
        Assert.Equal(both[1], both[0]);
    }

    static IReadOnlyList<IReadOnlyDictionary<string, string>> FixtureDocuments()
    {
        string[] texts =
        [
            "Empathy for other people in our patient's life: the insula and the anterior cingulate cortex.",
            "I love this study because so often you feel greatest empathy when we can go to the store.",
            "Marsha Linehan said hostile clients need to know that their behavior is the problem... !!! “”",
            "Self-recrimination: we start to hate ourselves; recriminations and recriminating thoughts.",
            "You always start with willingness; pacing matters when running, and runs are paced.",
            "Compassion, empathy and love are the most important attitudes for the practitioner.",
            "Café culture and naïve realism — a non-ASCII test, ΟΔΟΣ and İstanbul.",
            "",
            "Feelings, feeling felt: the emotional brain and the empathic response of a compassionate clinician.",
            "Pacing the session; pace yourself; compassionate pacing of exposure.",
        ];
        string[] speakers = ["Ron Siegel", "Kelly McGonigal", "Ruth Buczynski", "Ron Siegel", "Ron Siegel", "Kelly McGonigal", "Ruth Buczynski", "Ron Siegel", "Kelly McGonigal", "Ron Siegel"];
        return texts.Select((text, i) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["text"] = text,
            ["speaker"] = speakers[i],
            ["title"] = i < 5 ? "Critical Insights" : "Empathy in Practice",
            ["section"] = i % 3 == 0 ? "How Empathy Can Help" : "Two Exercises for Compassion",
            ["topics"] = i % 2 == 0 ? "empathy, neuroscience" : "",
        }).ToArray();
    }

    static readonly Lazy<(SearchScripts Scripts, string IndexJson, int ShardCount)> Fixture = new(() => Prepare(FixtureDocuments(), 120));

    static (SearchScripts, string, int) Prepare(IReadOnlyList<IReadOnlyDictionary<string, string>> documents, int shardBytes)
    {
        var scripts = new SearchScripts();
        var json = scripts.BuildWithLunrJs(documents, Fields);
        var files = new ShardWriter(shardBytes).Write(ShardSource.FromLunrJson(json));
        scripts.Run(files);
        return (scripts, json, ShardCount(files));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Merged_shards_answer_like_the_unsplit_index_on_fixtures(string query)
    {
        var (scripts, json, shardCount) = Fixture.Value;
        Assert.True(shardCount >= 8, $"the fixture should be cut into many shards, got {shardCount}");
        AssertSameResults(scripts, json, query);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_fast_path_answers_like_the_unsplit_index_on_fixtures(string query) =>
        AssertFastPathExact(Fixture.Value.Scripts, Fixture.Value.IndexJson, query);

    [Theory]
    [InlineData("empathy", 3)]
    [InlineData("compas* compassion", 2)]
    [InlineData("speaker:siegel pacing", 1)]
    public void The_fast_path_top_is_the_head_of_lunrs_list(string query, int count)
    {
        var (scripts, json, _) = Fixture.Value;
        var unsplit = scripts.SearchUnsplit(json, query);
        var (total, top) = scripts.SearchFast(query, count) ?? throw new InvalidOperationException($"'{query}' should take the fast path");
        Assert.Equal(unsplit.Count, total);
        Assert.True(total > count, $"'{query}' should match more than {count} documents");
        Assert.Equal(unsplit.Take(count), top);
    }

    /// <summary>
    /// The page search.js asks display files for while the exact scores are still being worked out: the same
    /// results as the fast path's page (best first by their sums), with the same terms and total, so the files
    /// asked for early are the ones the page shows.
    /// </summary>
    [Theory]
    [InlineData("empathy", 3)]
    [InlineData("speaker:siegel pacing", 3)]
    [InlineData("compas* compassion", 2)]
    [InlineData("linehan willingness", 10)]
    [InlineData("+empathy +insula", 10)]
    public void The_likely_page_heard_before_the_exact_scores_is_the_fast_paths_page(string query, int count)
    {
        var scripts = Fixture.Value.Scripts;
        scripts.Engine.SetValue("__query", query);
        scripts.Engine.SetValue("__count", count);
        var found = scripts.Engine.Evaluate("""
            (function () {
              var manifest = ArchiveSearch.received.manifest, parsed = ArchiveSearch.parseQuery(manifest, __query), likely = null
              var fast = ArchiveSearch.fastSearch(manifest, ArchiveSearch.shardsForQuery(manifest, parsed), parsed, __count,
                function (heard) { likely = heard })
              return [
                likely.refs.join(" "), fast.top.map(function (r) { return r.ref }).join(" "),
                likely.terms.join(" ") + "/" + likely.total, fast.terms.join(" ") + "/" + fast.total
              ].join("|")
            })()
            """).AsString().Split('|');
        Assert.NotEqual("", found[1]);
        Assert.Equal(found[1].Split(' ').Order(), found[0].Split(' ').Order());
        Assert.Equal(found[3], found[2]);
    }

    [Theory]
    [InlineData("insula", "0")]
    [InlineData("speaker:siegel pacing", "9")]
    [InlineData("recrimin*", "3")]
    [InlineData("empthy~1", "0")]
    [InlineData("-compassion", "0")]
    public void The_suite_finds_what_the_fixture_holds(string query, string expectedFirst)
    {
        var (scripts, _, _) = Fixture.Value;
        var hits = scripts.SearchMerged(query).Hits;
        Assert.NotEmpty(hits);
        Assert.Contains(hits, h => h.Ref == expectedFirst);
    }

    [Theory]
    [InlineData("insula", 1)]
    [InlineData("speaker:siegel pacing", 2)]
    [InlineData("+empathy -compassion", 2)]
    public void A_plain_query_loads_one_shard_per_term(string query, int expectedShards)
    {
        var (scripts, _, shardCount) = Fixture.Value;
        var (_, used) = scripts.SearchMerged(query);
        Assert.Equal(expectedShards, used);
        Assert.True(used < shardCount);
    }

    [Theory]
    [InlineData("insula", 1)]
    [InlineData("anterior willingness", 2)]
    [InlineData("empthy~1", 0)]
    [InlineData("*tion", 0)]
    public void A_query_loads_the_group_file_of_each_term_and_none_for_every_shard(string query, int expectedGroups)
    {
        var (scripts, _, shardCount) = Fixture.Value;
        scripts.Engine.SetValue("__query", query);
        var groups = scripts.Engine.Evaluate(
            "ArchiveSearch.groupsForQuery(ArchiveSearch.received.manifest, ArchiveSearch.parseQuery(ArchiveSearch.received.manifest, __query)).length").AsNumber();
        Assert.Equal(expectedGroups, (int)groups);
        Assert.True(ShardWriter.GroupSize(shardCount) < shardCount, "the fixture should have several groups");
    }

    [Theory]
    [InlineData("empthy~1")]
    [InlineData("*tion")]
    public void Fuzzy_and_leading_wildcard_queries_load_every_shard(string query)
    {
        var (scripts, _, shardCount) = Fixture.Value;
        Assert.Equal(shardCount, scripts.SearchMerged(query).ShardsUsed);
    }

    [Fact]
    public void A_prefix_crossing_shards_loads_each_shard_holding_the_prefix()
    {
        var (scripts, json, shardCount) = Fixture.Value;
        var (_, used) = scripts.SearchMerged("c*");
        Assert.InRange(used, 2, shardCount - 1);
        AssertSameResults(scripts, json, "c*");
    }

    [Theory]
    [Trait("Category", "Shared")]
    [MemberData(nameof(Queries))]
    public void Merged_shards_answer_like_the_unsplit_index_on_the_seed(string query)
    {
        var (scripts, json, shardCount) = Seed.Value;
        Assert.True(shardCount >= 10, $"the seed should be cut into many shards, got {shardCount}");
        AssertSameResults(scripts, json, query);
    }

    [Theory]
    [Trait("Category", "Shared")]
    [MemberData(nameof(Queries))]
    public void The_fast_path_answers_like_the_unsplit_index_on_the_seed(string query) =>
        AssertFastPathExact(Seed.Value.Scripts, Seed.Value.IndexJson, query);

    [Theory]
    [Trait("Category", "Shared")]
    [MemberData(nameof(Queries))]
    [InlineData("federal reserve")]
    [InlineData("+rate* policy")]
    [InlineData("speaker:powell^2 price*")]
    public void The_fast_path_answers_like_the_unsplit_index_on_the_real_corpus(string query) =>
        AssertFastPathExact(RealCorpus.Value.Scripts, RealCorpus.Value.IndexJson, query);

    /// <summary>Each query the fast path takes, with page sizes smaller than most of its result counts.</summary>
    public static TheoryData<string, int> PagedQueries()
    {
        var paged = new TheoryData<string, int>();
        foreach (var query in ((IEnumerable<object[]>)Queries).Select(row => (string)row[0]).Where(q => !LeftToLunr.Contains(q)))
            foreach (var count in new[] { 1, 3, 10 }) paged.Add(query, count);
        return paged;
    }

    /// <summary>
    /// The fast path scores exactly only the results that can make the page (see candidatesFor in
    /// search-core.js); its page is still the head of lunr's list, ties included: the seed has many turns
    /// of one speaker that score alike.
    /// </summary>
    [Theory]
    [Trait("Category", "Shared")]
    [MemberData(nameof(PagedQueries))]
    [InlineData("speaker:buczynski", 3)]
    public void The_fast_path_page_is_the_head_of_lunrs_list_on_the_seed(string query, int count)
    {
        var (scripts, json, _) = Seed.Value;
        var unsplit = scripts.SearchUnsplit(json, query);
        var (total, top) = scripts.SearchFast(query, count) ?? throw new InvalidOperationException($"'{query}' should take the fast path");
        Assert.Equal(unsplit.Count, total);
        Assert.Equal(unsplit.Take(count), top);
    }

    [Fact]
    [Trait("Category", "Shared")]
    public void The_seed_has_ties_across_a_page_boundary()
    {
        var (scripts, json, _) = Seed.Value;
        var unsplit = scripts.SearchUnsplit(json, "speaker:buczynski");
        // Tied up to twice the page of 3 as well: candidatesFor then looks at every result again.
        Assert.True(unsplit.Count > 6 && unsplit[2].Score == unsplit[3].Score && unsplit[2].Score == unsplit[5].Score,
            $"'speaker:buczynski' should give tied scores from the third to the sixth result, got {string.Join(", ", unsplit.Take(7).Select(h => h.Score))}");
    }

    [Theory]
    [Trait("Category", "Shared")]
    [InlineData("federal reserve")]
    [InlineData("+rate* policy")]
    [InlineData("speaker:siegel pacing")]
    public void The_fast_path_finds_what_the_seed_and_real_corpus_hold(string query)
    {
        var scripts = query.StartsWith("speaker:", StringComparison.Ordinal) ? Seed.Value.Scripts : RealCorpus.Value.Scripts;
        var (total, top) = scripts.SearchFast(query, 10) ?? throw new InvalidOperationException($"'{query}' should take the fast path");
        Assert.True(total >= 3, $"'{query}' should match several turns, got {total}");
        Assert.Equal(Math.Min(10, total), top.Count);
    }

    /// <summary>The six real transcripts read by the real readers, indexed by the C# builder, cut into shards.</summary>
    static readonly Lazy<(SearchScripts Scripts, string IndexJson, int ShardCount)> RealCorpus = new(() =>
    {
        var folder = Path.GetDirectoryName(RepoPaths.SharedFile("corpus/real/README.md"))!;
        var transcripts = Directory.EnumerateFiles(folder).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => ArchiveSite.Ingest.TranscriptReader.ReadFile(f)).ToArray();
        Assert.Equal(6, transcripts.Length);
        var index = SearchOutput.BuildIndex(SearchDocument.FromTranscripts(transcripts));
        var scripts = new SearchScripts();
        var files = new ShardWriter(4_000).Write(ShardSource.FromIndex(index));
        scripts.Run(files);
        return (scripts, index.ToJson(), ShardCount(files));
    });

    /// <summary>The seed read by the real reader, indexed by the C# builder, cut into shards by the site's writer.</summary>
    static readonly Lazy<(SearchScripts Scripts, string IndexJson, int ShardCount)> Seed = new(() =>
    {
        var path = RepoPaths.SharedFile("seeds/000_6031f5502a71255c.txt");
        var transcript = ArchiveSite.Ingest.TranscriptReader.Read("000_6031f5502a71255c.txt", File.ReadAllBytes(path));
        var documents = SearchDocument.FromTranscripts([transcript]);
        Assert.True(documents.Count >= 10, $"the seed should give many turns, got {documents.Count}");
        var index = SearchOutput.BuildIndex(documents);
        var scripts = new SearchScripts();
        var files = new ShardWriter(2_000).Write(ShardSource.FromIndex(index));
        scripts.Run(files);
        return (scripts, index.ToJson(), ShardCount(files));
    });

    static int ShardCount(IReadOnlyList<SearchFile> files) => files.Count(f => f.Path.StartsWith("search/s", StringComparison.Ordinal));

    /// <summary>
    /// The fast path takes every query but those <see cref="LeftToLunr"/>, and then gives the unsplit index's
    /// results: same count, refs in the same order, scores to the bit, same matched terms.
    /// </summary>
    static void AssertFastPathExact(SearchScripts scripts, string json, string query)
    {
        var fast = scripts.SearchFast(query, int.MaxValue);
        if (LeftToLunr.Contains(query))
        {
            Assert.Null(fast);
            return;
        }
        var (total, hits) = fast ?? throw new InvalidOperationException($"'{query}' should take the fast path");
        var unsplit = scripts.SearchUnsplit(json, query);
        Assert.Equal(unsplit.Count, total);
        Assert.Equal(unsplit.Count, hits.Count);
        for (var i = 0; i < unsplit.Count; i++)
        {
            Assert.Equal(unsplit[i].Ref, hits[i].Ref);
            Assert.Equal(BitConverter.DoubleToInt64Bits(unsplit[i].Score), BitConverter.DoubleToInt64Bits(hits[i].Score));
            Assert.Equal(unsplit[i].MatchedTerms, hits[i].MatchedTerms);
        }
    }

    static void AssertSameResults(SearchScripts scripts, string json, string query)
    {
        var unsplit = scripts.SearchUnsplit(json, query);
        var (merged, _) = scripts.SearchMerged(query);
        Assert.Equal(unsplit.Count, merged.Count);
        for (var i = 0; i < unsplit.Count; i++)
        {
            Assert.Equal(unsplit[i].Ref, merged[i].Ref);
            Assert.Equal(unsplit[i].Score, merged[i].Score);
            Assert.Equal(unsplit[i].MatchedTerms, merged[i].MatchedTerms);
        }
    }
}
