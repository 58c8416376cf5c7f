using ArchiveSite.Model;

namespace ArchiveSite.Ingest.Quotes;

/// <summary>The turn a quote was found in.</summary>
/// <param name="TurnNumber">1-based number of the turn in reading order.</param>
/// <param name="Score">How much of the quote the turn contains, in order, from 0 to 1.</param>
public sealed record QuoteMatch(int TurnNumber, Turn Turn, string? SectionHeading, double Score);

/// <summary>
/// Finds which turn of a transcript a quote comes from, by content rather than by where it was printed.
/// Quotes are edited (words trimmed, ". . ." for cuts, paraphrased joins), so the match is a local alignment
/// of words: the best stretch of a turn that contains the quote's words in order, where words the editor
/// left out cost little and words the editor added cost more. Longer words weigh more than short ones, so a
/// turn does not win on "the" and "to". Build one matcher per transcript and ask it for many quotes.
/// </summary>
public sealed class QuoteMatcher
{
    /// <summary>Below this share of the quote, no turn is taken to be its source.</summary>
    public const double MinimumScore = 0.5;

    const double SkippedTurnWord = 0.3;
    const double SkippedQuoteWord = 1.0;
    const double Mismatch = 1.0;
    const int ContentWordLength = 4;

    readonly List<(int Number, Turn Turn, string? Heading, string[] Tokens, HashSet<string> Words)> turns = [];

    public QuoteMatcher(IEnumerable<Section> sections)
    {
        var number = 0;
        foreach (var section in sections)
            foreach (var turn in section.Turns)
            {
                var tokens = QuoteTokens.Of(string.Join(' ', turn.Paragraphs)).ToArray();
                turns.Add((++number, turn, section.Heading, tokens, [.. tokens]));
            }
    }

    /// <summary>The turn that best contains the quote, or null when none contains enough of it.</summary>
    public QuoteMatch? FindTurn(string quote)
    {
        var tokens = QuoteTokens.Of(quote).ToArray();
        if (tokens.Length == 0)
            return null;
        var weights = tokens.Select(Weight).ToArray();
        var total = weights.Sum();
        var contentWords = tokens.Where(t => t.Length >= ContentWordLength).ToHashSet();

        QuoteMatch? best = null;
        foreach (var (number, turn, heading, turnTokens, words) in turns)
        {
            if (contentWords.Count > 0 && contentWords.Count(words.Contains) * 2 < contentWords.Count)
                continue;
            var score = Align(tokens, weights, turnTokens) / total;
            if (score >= MinimumScore && (best is null || score > best.Score))
                best = new QuoteMatch(number, turn, heading, score);
        }
        return best;
    }

    static double Weight(string token) => token.Length >= ContentWordLength ? 2 : 1;

    /// <summary>Smith-Waterman local alignment score of the quote against one turn, one row at a time.</summary>
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
                var diagonal = previous[i - 1] + (quote[i - 1] == word ? weights[i - 1] : -Mismatch);
                var skipTurnWord = previous[i] - SkippedTurnWord;
                var skipQuoteWord = current[i - 1] - SkippedQuoteWord;
                var value = Math.Max(0, Math.Max(diagonal, Math.Max(skipTurnWord, skipQuoteWord)));
                current[i] = value;
                if (value > best)
                    best = value;
            }
            (previous, current) = (current, previous);
        }
        return best;
    }
}
