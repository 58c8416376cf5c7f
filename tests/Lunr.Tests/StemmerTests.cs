using System.Text.Json;
using CsCheck;
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

    [Fact]
    public void Agrees_with_the_regular_expressions_on_the_varied_word_list()
    {
        var mismatches = WordLists.Varied().Where(word => Stemmer.Stem(word) != RegexStemmer.Stem(word))
            .Select(word => $"{word}: regex {RegexStemmer.Stem(word)}, code {Stemmer.Stem(word)}").ToList();
        Assert.Empty(mismatches);
    }

    // Letters that decide the steps (vowels, y, the doubled and excluded consonants, suffix letters), an
    // upper-case Y, a digit and line terminators, in random words of up to 14 characters.
    [Fact]
    public void Agrees_with_the_regular_expressions_on_random_words()
    {
        const string letters = "aeiouyYbcdglmnrstvwxz\n\u20281";
        Gen.Char[letters].Array[0, 14].Select(chars => new string(chars))
            .Sample(word => Assert.Equal(RegexStemmer.Stem(word), Stemmer.Stem(word)), iter: 200_000);
    }

    [Fact]
    public void Agrees_with_the_regular_expressions_on_suffix_heavy_words()
    {
        string[] pieces = ["a", "e", "i", "o", "u", "y", "s", "t", "l", "b", "z", "at", "bl", "iz", "ed", "ing", "eed",
            "ies", "sses", "ational", "tion", "ation", "ness", "ful", "ement", "ent", "ion", "ll", "e", "\n", "Y"];
        Gen.Int[0, pieces.Length - 1].Array[1, 4].Select(parts => string.Concat(parts.Select(p => pieces[p])))
            .Sample(word => Assert.Equal(RegexStemmer.Stem(word), Stemmer.Stem(word)), iter: 200_000);
    }
}
