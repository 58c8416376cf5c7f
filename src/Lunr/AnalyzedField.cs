namespace Lunr;

/// <summary>
/// One field of one document after tokenizer and pipeline: its distinct terms in order of first occurrence
/// (the order lunr.js meets them, which fixes <c>_index</c> numbering), their frequencies, and the field
/// length (number of terms, stop words excluded).
/// </summary>
internal sealed record AnalyzedField(string[] Terms, int[] Frequencies, int Length)
{
    public static AnalyzedField Empty { get; } = new([], [], 0);

    /// <summary>Counts terms with a dictionary reused by the calling thread.</summary>
    public static AnalyzedField Analyze(string? text, TextAnalyzer analyzer, Dictionary<string, int> positionByTerm)
    {
        if (string.IsNullOrEmpty(text))
            return Empty;

        positionByTerm.Clear();
        var terms = new List<string>();
        var frequencies = new List<int>();
        var length = 0;
        var lowered = JavaScriptString.ToLowerCase(text);
        foreach (var range in new Tokenizer.TokenRanges(lowered))
        {
            if (analyzer.Term(lowered.AsSpan(range)) is not { } term)
                continue;
            length++;
            if (positionByTerm.TryGetValue(term, out var position))
            {
                frequencies[position]++;
                continue;
            }
            positionByTerm.Add(term, terms.Count);
            terms.Add(term);
            frequencies.Add(1);
        }
        return new AnalyzedField([.. terms], [.. frequencies], length);
    }
}
