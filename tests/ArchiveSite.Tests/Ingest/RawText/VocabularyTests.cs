using ArchiveSite.Ingest.RawText;
using CsCheck;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>
/// The vocabulary answers "does the document use this word" by searching its text; it must answer exactly
/// as the full word set (every word gathered, trimmed of punctuation, lowercased) would.
/// </summary>
public sealed class VocabularyTests
{
    static readonly string[] Pieces =
    [
        "child", "Child", "guidance", "child-guidance", "CHILD-GUIDANCE", "information", "infor", "mation", "law",
        "mother-in-law", "ab", "abc", " ", " ", "  ", "-", "--", "\"", "“", "”", "'", "’", ".", ",", ":", "(", ")", "/",
        "…", "—", "x", "É", "é", "ß", "İ", "K", "1990s", "#",
    ];

    static Vocabulary Of(IEnumerable<(string Text, LineKind Kind)> lines) =>
        new([.. lines.Select((line, i) => new ClassifiedLine(new SourceLine(i + 1, line.Text), line.Kind, line.Text))]);

    [Fact]
    public void Searching_the_text_finds_exactly_the_words_a_full_word_set_holds() =>
        Gen.Select(Gen.Int[0, Pieces.Length - 1].Array[0, 12].Array[1, 6], Gen.Int[0, 3].Array[6], Gen.Int[0, Pieces.Length - 1].Array[1, 4])
            .Sample((lines, kinds, query) =>
            {
                var texts = lines.Select(pieces => string.Concat(pieces.Select(p => Pieces[p]))).ToList();
                var kindOf = (int i) => kinds[i % kinds.Length] switch { 0 => LineKind.Body, 1 => LineKind.Label, 2 => LineKind.Noise, _ => LineKind.Heading };
                var entries = texts.Select((text, i) => (text, kindOf(i))).ToList();
                var full = Of(entries).ToHashSet(StringComparer.Ordinal);
                var acrossLines = texts.Zip(texts.Skip(1), (a, b) => (a + b).ToLowerInvariant());
                var questions = full.Concat(texts).Concat(acrossLines).Append(string.Concat(query.Select(p => Pieces[p])).ToLowerInvariant())
                    .Append(string.Concat(query.Select(p => Pieces[p])));
                var searched = Of(entries);
                foreach (var word in questions)
                    Assert.True(full.Contains(word) == searched.Contains(word),
                        $"'{word}' in [{string.Join(" | ", entries)}]: set {full.Contains(word)}, search {searched.Contains(word)}");
            }, iter: 2000);

    [Fact]
    public void A_word_is_found_only_whole_and_only_on_word_lines()
    {
        var vocabulary = Of([("He said “child-guidance,” twice", LineKind.Body), ("Information Age", LineKind.Noise)]);
        Assert.True(vocabulary.Contains("child-guidance"));
        Assert.True(vocabulary.Contains("twice"));
        Assert.False(vocabulary.Contains("guidance"));
        Assert.False(vocabulary.Contains("information"));
        Assert.False(vocabulary.Contains("he"));
    }
}
