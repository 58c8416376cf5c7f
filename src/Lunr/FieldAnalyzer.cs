namespace Lunr;

/// <summary>
/// Turns field values into <see cref="AnalyzedField"/>s. One instance per thread: it reuses arrays indexed by
/// term id to count frequencies without hashing, and keeps its own token-to-id cache in front of the shared
/// <see cref="TermTable"/> (or a batch's <see cref="LocalVocabulary"/>): an unsynchronised dictionary with the
/// default comparer (which hashes strings without randomisation) costs less per token than the shared
/// concurrent one, and most tokens repeat.
/// </summary>
internal sealed class FieldAnalyzer
{
    readonly ITermIds terms;
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> cachedIds;
    int[] positionOfTerm = new int[1024];
    int[] fieldStampOfTerm = new int[1024];
    int fieldStamp;
    char[] loweredBuffer = new char[4096];
    readonly List<int> termIds = [];
    readonly List<int> frequencies = [];

    public FieldAnalyzer(ITermIds terms)
    {
        this.terms = terms;
        cachedIds = new Dictionary<string, int>().GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public AnalyzedField Analyze(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return AnalyzedField.Empty;

        fieldStamp++;
        termIds.Clear();
        frequencies.Clear();
        var length = 0;
        var lowered = JavaScriptString.ToLowerCase(text, ref loweredBuffer);
        foreach (var range in new Tokenizer.TokenRanges(lowered))
        {
            var token = lowered[range];
            if (!cachedIds.TryGetValue(token, out var id))
                cachedIds[token] = id = terms.IdOf(token);
            if (id == TermTable.Dropped)
                continue;
            length++;
            EnsureCapacity(id);
            if (fieldStampOfTerm[id] == fieldStamp)
            {
                frequencies[positionOfTerm[id]]++;
                continue;
            }
            fieldStampOfTerm[id] = fieldStamp;
            positionOfTerm[id] = termIds.Count;
            termIds.Add(id);
            frequencies.Add(1);
        }
        return new AnalyzedField([.. termIds], [.. frequencies], length);
    }

    void EnsureCapacity(int id)
    {
        if (id < positionOfTerm.Length)
            return;
        var size = Math.Max(id + 1, positionOfTerm.Length * 2);
        Array.Resize(ref positionOfTerm, size);
        Array.Resize(ref fieldStampOfTerm, size);
    }
}
