using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// Turns field values into <see cref="AnalyzedField"/>s. One instance per thread: it reuses arrays indexed by
/// term id to count frequencies without hashing, and keeps its own token-to-id cache in front of the shared
/// <see cref="TermTable"/> (or a batch's <see cref="LocalVocabulary"/>): an unsynchronised dictionary with the
/// default comparer (which hashes strings without randomisation) costs less per token than the shared
/// concurrent one, and most tokens repeat. Its keys are the table's own strings, not copies. Documents of one
/// transcript repeat its title, speakers, sections and topics, so the last few values of each field are kept
/// with their analysis.
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
    const int RecentPerField = 4;
    readonly (string? Text, AnalyzedField Field)[] recent;
    readonly int[] nextRecent;

    public FieldAnalyzer(ITermIds terms, int fieldCount)
    {
        this.terms = terms;
        recent = new (string?, AnalyzedField)[fieldCount * RecentPerField];
        nextRecent = new int[fieldCount];
        cachedIds = new Dictionary<string, int>().GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int FieldCount => nextRecent.Length;

    /// <summary>
    /// Forgets the ids it has seen, for terms numbered anew (the next batch of a <see cref="LocalVocabulary"/>),
    /// keeping the room it has grown: a batch of a few thousand distinct tokens grows its tables through every
    /// size up to theirs, which for a thousand batches was most of what analysis allocated.
    /// </summary>
    public void Clear()
    {
        cachedIds.Dictionary.Clear();
        Array.Clear(recent);
        Array.Clear(nextRecent);
    }

    /// <summary>The analysis of the value of field number <paramref name="field"/> of a document.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AnalyzedField Analyze(string? text, int field)
    {
        if (string.IsNullOrEmpty(text))
            return AnalyzedField.Empty;
        var recentOfField = recent.AsSpan(field * RecentPerField, RecentPerField);
        foreach (var (recentText, recentField) in recentOfField)
            if (string.Equals(recentText, text, StringComparison.Ordinal))
                return recentField;
        var analyzed = AnalyzeTokens(text);
        recentOfField[nextRecent[field]] = (text, analyzed);
        nextRecent[field] = (nextRecent[field] + 1) % RecentPerField;
        return analyzed;
    }

    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    AnalyzedField AnalyzeTokens(string text)
    {
        fieldStamp++;
        termIds.Clear();
        frequencies.Clear();
        var length = 0;
        var lowered = JavaScriptString.ToLowerCase(text, ref loweredBuffer);
        foreach (var range in new Tokenizer.TokenRanges(lowered))
        {
            var token = lowered[range];
            if (!cachedIds.TryGetValue(token, out var id))
            {
                id = terms.IdOf(token, out var kept);
                cachedIds.Dictionary.Add(kept, id);
            }
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
