using System.Text.Json;
using Lunr.Tests.Support;

namespace Lunr.Tests;

public sealed class StemmerTests
{
    [Fact]
    public void Stems_every_word_of_lunrs_stemming_vocabulary_as_the_fixture_says()
    {
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(LunrJs.FileInPackage("test/fixtures/stemming_vocab.json")))!;

        var mismatches = vocabulary.Where(pair => Stemmer.Stem(pair.Key) != pair.Value)
            .Select(pair => $"{pair.Key}: expected {pair.Value}, got {Stemmer.Stem(pair.Key)}").ToList();

        Assert.Equal(80, vocabulary.Count);
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("yelling", "yell")]
    [InlineData("generalizations", "gener")]
    [InlineData("experiment", "experi")]
    [InlineData("module", "modul")]
    [InlineData("wendy", "wendi")]
    [InlineData("Running", "Run")]
    [InlineData("by", "by")]
    public void Matches_the_stems_lunr_js_is_known_to_give(string word, string stem) =>
        Assert.Equal(stem, Stemmer.Stem(word));

    [Fact]
    public void Agrees_with_lunr_js_on_a_varied_word_list()
    {
        var words = WordLists.Varied();
        var lunr = new LunrJs();
        lunr.SetJson("words", JsonSerializer.Serialize(words));
        var expected = JsonSerializer.Deserialize<List<string>>(
            lunr.Evaluate("JSON.stringify(words.map(function (w) { return lunr.stemmer(new lunr.Token(w)).toString(); }))"))!;

        var mismatches = words.Select((word, i) => (word, js: expected[i], cs: Stemmer.Stem(word)))
            .Where(r => r.js != r.cs).Select(r => $"{r.word}: lunr.js {r.js}, C# {r.cs}").ToList();

        Assert.Equal(words.Count, expected.Count);
        Assert.Empty(mismatches);
    }
}
