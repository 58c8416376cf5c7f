namespace Lunr.Tests.Support;

/// <summary>Builds a corpus in lunr.js and in C#, then checks the JSON and a query suite's results agree.</summary>
public static class Compatibility
{
    /// <summary>Queries in every form lunr's query language offers, over words of the given corpus.</summary>
    public static IReadOnlyList<string> QuerySuite(string field, params string[] words)
    {
        var queries = new List<string> { "", "*", "-" + words[0], "+" + words[0] + " -" + words[^1], "doesnotoccuranywhere" };
        foreach (var word in words)
        {
            queries.Add(word);
            queries.Add(word.ToUpperInvariant());
            queries.Add($"{field}:{word}");
            queries.Add($"{word}^10 {words[0]}");
            queries.Add($"+{word} {words[^1]}");
            queries.Add($"-{word} {words[0]}");
            if (word.Length > 3)
            {
                queries.Add(word[..3] + "*");
                queries.Add("*" + word[^3..]);
                queries.Add(word[..^1] + "~1");
            }
        }
        queries.Add(string.Join(" ", words));
        queries.Add("nosuchfield:" + words[0]);
        queries.Add(words[0] + "^");
        return queries;
    }

    public static void AssertSameIndexAndResults(CorpusDefinition corpus, IReadOnlyList<string> queries)
    {
        var lunr = new LunrJs();
        var expected = lunr.BuildIndex("fromLunrJs", corpus);
        var actual = corpus.BuildInCSharp().ToJson();
        JsonAssert.Identical(expected, actual);

        lunr.LoadIndex("fromCSharp", actual);
        var differences = new List<string>();
        var queriesWithResults = 0;
        foreach (var query in queries)
        {
            var fromLunrJs = lunr.Search("fromLunrJs", query);
            var fromCSharp = lunr.Search("fromCSharp", query);
            if (!fromLunrJs.SequenceEqual(fromCSharp))
                differences.Add($"'{query}': lunr.js [{string.Join("; ", fromLunrJs)}], C# [{string.Join("; ", fromCSharp)}]");
            if (fromCSharp.Count > 0 && !fromCSharp[0].StartsWith("error:", StringComparison.Ordinal))
                queriesWithResults++;
        }

        Assert.Empty(differences);
        Assert.True(queriesWithResults >= queries.Count / 3,
            $"Only {queriesWithResults} of {queries.Count} queries found anything: the suite does not exercise the index.");
    }
}
