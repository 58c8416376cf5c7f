namespace Lunr;

/// <summary>
/// Turns field values into <see cref="AnalyzedField"/>s. One instance per thread: it reuses arrays indexed by
/// term id to count frequencies without hashing.
/// </summary>
internal sealed class FieldAnalyzer(TermTable terms)
{
    int[] positionOfTerm = new int[1024];
    int[] fieldStampOfTerm = new int[1024];
    int fieldStamp;
    char[] loweredBuffer = new char[4096];
    readonly List<int> termIds = [];
    readonly List<int> frequencies = [];

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
            var id = terms.IdOf(lowered[range]);
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
