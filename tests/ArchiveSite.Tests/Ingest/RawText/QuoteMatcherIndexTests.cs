using ArchiveSite.Ingest.Quotes;
using ArchiveSite.Model;
using CsCheck;

namespace ArchiveSite.Tests.Ingest.RawText;

/// <summary>
/// The matcher skips turns through its word index and alignment ceilings; it must still pick the same turn
/// with the same score as aligning the quote against every turn in reading order, as it did before the index.
/// Small vocabularies make many turns close, so ties and near misses are common.
/// </summary>
public sealed class QuoteMatcherIndexTests
{
    static readonly string[] Words =
        ["we", "all", "social", "creatures", "keep", "this", "mind", "willingness", "start", "the", "to", "always", "We’re", "STart", "...", "a"];

    [Fact]
    public void The_index_picks_the_turn_and_score_that_aligning_every_turn_picks() =>
        Gen.Select(Gen.Int[0, Words.Length - 1].Array[0, 30].Array[1, 8], Gen.Int[0, Words.Length - 1].Array[0, 10].Array[1, 4])
            .Sample((turnWords, quotes) =>
            {
                var turns = turnWords.Select((words, i) => new Turn("s" + i % 3, null, [Text(words)], i + 1)).ToList();
                IReadOnlyList<Section> sections = [new Section(null, 1, turns.Take(turns.Count / 2).ToList()), new Section("Two", 9, turns.Skip(turns.Count / 2).ToList())];
                var matcher = new QuoteMatcher(sections);
                foreach (var quote in quotes.Select(Text))
                {
                    var expected = AlignEveryTurn(sections, quote);
                    var actual = matcher.FindTurn(quote);
                    Assert.Equal(expected?.Number, actual?.TurnNumber);
                    Assert.Equal(expected?.Score, actual?.Score);
                }
            }, iter: 3000);

    [Fact]
    public void A_matcher_told_its_quotes_picks_the_turn_and_score_of_one_that_numbers_every_word() =>
        Gen.Select(Gen.Int[0, Words.Length - 1].Array[0, 30].Array[1, 8], Gen.Int[0, Words.Length - 1].Array[0, 10].Array[1, 4])
            .Sample((turnWords, quoteWords) =>
            {
                var turns = turnWords.Select((words, i) => new Turn("s" + i % 3, null, [Text(words)], i + 1)).ToList();
                IReadOnlyList<Section> sections = [new Section(null, 1, turns)];
                var quotes = quoteWords.Select(Text).ToList();
                var open = new QuoteMatcher(sections);
                var told = new QuoteMatcher(sections, quotes);
                foreach (var quote in quotes)
                {
                    var expected = open.FindTurn(quote);
                    var actual = told.FindTurn(quote);
                    Assert.Equal(expected?.TurnNumber, actual?.TurnNumber);
                    Assert.Equal(expected?.Score, actual?.Score);
                }
            }, iter: 2000);

    [Fact]
    public void A_matcher_told_its_quotes_refuses_another()
    {
        IReadOnlyList<Section> sections = [new Section(null, 1, [new Turn("s", null, ["keep this in mind"], 1)])];
        var matcher = new QuoteMatcher(sections, ["keep this in mind"]);
        Assert.Throws<ArgumentException>(() => matcher.FindTurn("keep the mind"));
    }

    static string Text(int[] words) => string.Join(' ', words.Select(w => Words[w]));

    /// <summary>The matcher as it was before the index: every turn that holds half the content words, aligned in order.</summary>
    static (int Number, double Score)? AlignEveryTurn(IReadOnlyList<Section> sections, string quote)
    {
        var tokens = QuoteTokens.Of(quote).ToArray();
        if (tokens.Length == 0)
            return null;
        var weights = tokens.Select(t => t.Length >= 4 ? 2.0 : 1.0).ToArray();
        var total = weights.Sum();
        var content = tokens.Where(t => t.Length >= 4).ToHashSet();
        (int Number, double Score)? best = null;
        var number = 0;
        foreach (var turn in sections.SelectMany(s => s.Turns))
        {
            number++;
            var turnTokens = QuoteTokens.Of(string.Join(' ', turn.Paragraphs)).ToArray();
            if (content.Count > 0 && content.Count(turnTokens.Contains) * 2 < content.Count)
                continue;
            var score = Align(tokens, weights, turnTokens) / total;
            if (score >= QuoteMatcher.MinimumScore && (best is null || score > best.Value.Score))
                best = (number, score);
        }
        return best;
    }

    static double Align(string[] quote, double[] weights, string[] turn)
    {
        var previous = new double[quote.Length + 1];
        var current = new double[quote.Length + 1];
        var best = 0.0;
        foreach (var word in turn)
        {
            current[0] = 0;
            for (var i = 1; i <= quote.Length; i++)
            {
                var value = Math.Max(0, Math.Max(previous[i - 1] + (quote[i - 1] == word ? weights[i - 1] : -1.0),
                    Math.Max(previous[i] - 0.3, current[i - 1] - 1.0)));
                current[i] = value;
                best = Math.Max(best, value);
            }
            (previous, current) = (current, previous);
        }
        return best;
    }
}
