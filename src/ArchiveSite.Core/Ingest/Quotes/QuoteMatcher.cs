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
/// <remarks>
/// Words are numbered once per transcript and each turn keeps its distinct words, so a quote is only aligned
/// against turns that hold at least half its content words, best prospects first, and a turn is skipped when
/// even a perfect alignment of the quote words it holds could not beat the best match so far.
/// </remarks>
public sealed class QuoteMatcher
{
    /// <summary>Below this share of the quote, no turn is taken to be its source.</summary>
    public const double MinimumScore = 0.5;

    const double SkippedTurnWord = 0.3;
    const double SkippedQuoteWord = 1.0;
    const double Mismatch = 1.0;
    const int ContentWordLength = 4;

    readonly Dictionary<string, int> wordIds = new(StringComparer.Ordinal);
    readonly List<int> wordLengths = [];
    readonly List<(int Number, Turn Turn, string? Heading, int[] Words, int[] DistinctWords)> turns = [];
    /// <summary>The quotes given up front, the only ones <see cref="FindTurn"/> then accepts; null when any may be asked.</summary>
    readonly HashSet<string>? knownQuotes;
    /// <summary>With the quotes known, the one id of every turn word that is in none of them; otherwise -1.</summary>
    readonly int otherWord = -1;
    /// <summary>
    /// A bit per <see cref="QuoteTokenReader.Hash"/> of each numbered word (modulo its length): with the quotes known, a turn word
    /// whose bit is clear is in none of them without a look in <see cref="wordIds"/>, and most words of a turn are.
    /// </summary>
    readonly ulong[] numberedHashes = new ulong[64];
    char[] buffer = new char[64];
    /// <summary>Per word id, the weight the quote being matched gives it; zero again after each quote.</summary>
    double[] weightOfWord = [];

    public QuoteMatcher(IEnumerable<Section> sections) : this(sections, null)
    {
    }

    /// <param name="quotes">
    /// The quotes that will be asked, when known. Then only their words are numbered and every other word of
    /// the turns shares one id that equals no quote word: scores depend only on where the quote's words are,
    /// so they come out the same, without a string and a table entry per distinct word of the transcript.
    /// </param>
    public QuoteMatcher(IEnumerable<Section> sections, IReadOnlyCollection<string>? quotes)
    {
        if (quotes is not null)
        {
            knownQuotes = new HashSet<string>(quotes, StringComparer.Ordinal);
            var ignored = new List<int>();
            foreach (var quote in knownQuotes)
                AddWords(quote, ignored);
            otherWord = wordIds.Count;
            wordLengths.Add(0);
        }
        var words = new List<int>();
        var distinct = new List<int>();
        var lastTurnOfWord = new List<int>();
        foreach (var section in sections)
            foreach (var turn in section.Turns)
            {
                words.Clear();
                distinct.Clear();
                foreach (var paragraph in turn.Paragraphs)
                    AddWords(paragraph, words);
                var number = turns.Count + 1;
                foreach (var word in words)
                {
                    while (lastTurnOfWord.Count <= word)
                        lastTurnOfWord.Add(0);
                    if (lastTurnOfWord[word] != number)
                    {
                        lastTurnOfWord[word] = number;
                        distinct.Add(word);
                    }
                }
                turns.Add((number, turn, section.Heading, [.. words], [.. distinct]));
            }
    }

    /// <summary>The turn that best contains the quote, or null when none contains enough of it.</summary>
    public QuoteMatch? FindTurn(string quote)
    {
        if (knownQuotes is not null && !knownQuotes.Contains(quote))
            throw new ArgumentException("this matcher was built for other quotes", nameof(quote));
        var tokens = new List<int>();
        AddWords(quote, tokens);
        if (tokens.Count == 0)
            return null;
        var quoteWords = tokens.ToArray();
        var weights = quoteWords.Select(word => wordLengths[word] >= ContentWordLength ? 2.0 : 1.0).ToArray();
        var total = weights.Sum();

        QuoteMatch? best = null;
        foreach (var (index, bound) in Candidates(quoteWords, weights))
        {
            var (number, turn, heading, turnWords, _) = turns[index];
            var ceiling = bound / total;
            if (ceiling < MinimumScore || best is not null && (ceiling < best.Score || ceiling == best.Score && number > best.TurnNumber))
                break;
            var score = Align(quoteWords, weights, turnWords) / total;
            if (score >= MinimumScore && (best is null || score > best.Score || score == best.Score && number < best.TurnNumber))
                best = new QuoteMatch(number, turn, heading, score);
        }
        return best;
    }

    /// <summary>
    /// Turns holding at least half the quote's distinct content words (every turn when it has none), with the
    /// score a perfect alignment of the quote words each holds would reach; highest first, then in reading order.
    /// </summary>
    List<(int Index, double Bound)> Candidates(int[] quoteWords, double[] weights)
    {
        var contentWords = quoteWords.Where(word => wordLengths[word] >= ContentWordLength).Distinct().Count();
        if (weightOfWord.Length < wordLengths.Count)
            weightOfWord = new double[wordLengths.Count * 2];
        for (var i = 0; i < quoteWords.Length; i++)
            weightOfWord[quoteWords[i]] += weights[i];

        var candidates = new List<(int Index, double Bound)>();
        for (var index = 0; index < turns.Count; index++)
        {
            var (contentCount, bound) = (0, 0.0);
            foreach (var word in turns[index].DistinctWords)
                if (weightOfWord[word] > 0)
                {
                    bound += weightOfWord[word];
                    if (wordLengths[word] >= ContentWordLength)
                        contentCount++;
                }
            if (contentWords == 0 || contentCount * 2 >= contentWords)
                candidates.Add((index, bound));
        }
        foreach (var word in quoteWords)
            weightOfWord[word] = 0;
        candidates.Sort((a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : a.Index.CompareTo(b.Index));
        return candidates;
    }

    void AddWords(string text, List<int> words)
    {
        var lookup = wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var reader = new QuoteTokenReader(text, buffer);
        while (reader.Next(out var token))
            words.Add(otherWord >= 0 && !MayBeNumbered(reader.Hash) ? otherWord
                : lookup.TryGetValue(token, out var id) ? id : otherWord >= 0 ? otherWord : NewWord(token, reader.Hash));
        if (reader.Buffer.Length > buffer.Length)
            buffer = reader.Buffer;
    }

    bool MayBeNumbered(uint hash) => (numberedHashes[(hash >> 6) % (uint)numberedHashes.Length] & (1UL << (int)(hash & 63))) != 0;

    int NewWord(ReadOnlySpan<char> token, uint hash)
    {
        numberedHashes[(hash >> 6) % (uint)numberedHashes.Length] |= 1UL << (int)(hash & 63);
        var id = wordIds.Count;
        wordIds.Add(token.ToString(), id);
        wordLengths.Add(token.Length);
        return id;
    }

    /// <summary>Smith-Waterman local alignment score of the quote against one turn, one row at a time.</summary>
    static double Align(int[] quote, double[] weights, int[] turn)
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
