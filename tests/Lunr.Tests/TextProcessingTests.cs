using System.Text.Json;
using Lunr.Tests.Support;

namespace Lunr.Tests;

/// <summary>Tokenizer, trimmer, stop word filter and lowercasing, each compared with lunr.js itself.</summary>
public sealed class TextProcessingTests
{
    static readonly string[] Samples =
    [
        "  Hello, World-wide  web!", "tor-mentors -- ... — ' \"\" !!! “” «hello» it’s james' [tag] stop! first,",
        "İSTANBUL İi ıI DİYARBAKIR", "ΟΔΟΣ ΟΔΟΣ. ΑΣ'Α ΣΑ Σ aΣ ΌΣΟΣ ΣΣ AΣ\u0301B Σ̈ ΑΣ.", "ǅ Ǆ ῼ ϴ Ω K Å ẞ ĲSSEL ŒUVRE",
        "a\u0085b\ufeffc\u00a0d\u180ee\u200bf\u2028g\u2029h\u3000i\u1680j\u202fk\u205fl\tm\vn\fo\rp\u007fq\u001fr\u0000s~t",
        "😀 smile 😀😀 👍🏽 🇫🇷 a😀b 𝒳 𐐀𐐁 ᏴᏵ", "Café naïve résumé Straße façade Ёлка ЁЛКА", "日本語のテキスト 中文 한국어 全角　スペース",
        "In 1991 the rate was 3.5%; 12,000 people -7 +8 $100 4.2e10", "", "-", " \t\n", "___ _a_ a_b __proto__",
    ];

    [Fact]
    public void Lowercases_like_javascript_toLowerCase()
    {
        var lunr = new LunrJs();
        lunr.SetJson("samples", JsonSerializer.Serialize(Samples));
        var expected = Strings(lunr.Evaluate("JSON.stringify(samples.map(function (s) { return s.toLowerCase(); }))"));

        Assert.Equal(expected, Samples.Select(JavaScriptString.ToLowerCase));
    }

    [Fact]
    public void Tokenizes_like_lunr_tokenizer()
    {
        var lunr = new LunrJs();
        lunr.SetJson("samples", JsonSerializer.Serialize(Samples));
        var expected = JsonSerializer.Deserialize<List<List<string>>>(lunr.Evaluate(
            "JSON.stringify(samples.map(function (s) { return lunr.tokenizer(s).map(String); }))"))!;

        Assert.Equal(expected, Samples.Select(s => Tokenizer.Tokenize(s).ToList()));
    }

    [Fact]
    public void Trims_like_lunr_trimmer()
    {
        var tokens = Samples.SelectMany(Tokenizer.Tokenize).Concat(["hello.", "it's", "james'", "[tag]", "café", "«»", "_x_", "é"]).ToList();
        var lunr = new LunrJs();
        lunr.SetJson("tokens", JsonSerializer.Serialize(tokens));
        var expected = Strings(lunr.Evaluate(
            "JSON.stringify(tokens.map(function (t) { return lunr.trimmer(new lunr.Token(t)).toString(); }))"));

        Assert.Equal(expected, tokens.Select(Trimmer.Trim));
        Assert.Equal("caf", Trimmer.Trim("café"));
    }

    [Fact]
    public void Drops_exactly_lunrs_stop_words()
    {
        var candidates = StopWordFilter.Words.Concat(["other", "The", "constructor", "__proto__", "tostring", "", "whom", "whose", "hers", "its", "it's"]).ToList();
        var lunr = new LunrJs();
        lunr.SetJson("candidates", JsonSerializer.Serialize(candidates));
        var keptByLunr = Strings(lunr.Evaluate(
            "JSON.stringify(candidates.filter(function (w) { return lunr.stopWordFilter(new lunr.Token(w)) !== undefined; }))"));

        Assert.Equal(119, StopWordFilter.Words.Count);
        Assert.Equal(keptByLunr, candidates.Where(w => StopWordFilter.Filter(w) is not null));
    }

    [Fact]
    public void Indexing_analyzer_gives_the_terms_lunrs_pipeline_gives()
    {
        var lunr = new LunrJs();
        lunr.SetJson("samples", JsonSerializer.Serialize(Samples));
        var expected = JsonSerializer.Deserialize<List<List<string>>>(lunr.Evaluate("""
            JSON.stringify(samples.map(function (s) {
              var pipeline = new lunr.Pipeline();
              pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
              return pipeline.run(lunr.tokenizer(s)).map(String);
            }))
            """))!;

        Assert.Equal(expected, Samples.Select(s => TextAnalyzer.Indexing.Terms(s).ToList()));
        Assert.Equal(["", "hello", "ok", "world"], TextAnalyzer.Indexing.Terms("hello ... world -- ok !!! “”").Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_pipeline_stems_a_query_term_without_trimming_it()
    {
        Assert.Equal(["pace"], Pipeline.Search.RunString("pacing"));
        Assert.Equal(["café"], Pipeline.Search.RunString("café"));
        Assert.Equal(["stemmer"], Pipeline.Search.Labels);
    }

    static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json)!;
}
