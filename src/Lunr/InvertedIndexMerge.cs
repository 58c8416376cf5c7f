namespace Lunr;

/// <summary>
/// The single-threaded part of <c>lunr.Builder.add</c>, replayed over analysed documents in the order they
/// were added: numbers terms by first appearance, counts the documents holding each term (for idf), and keeps
/// each ref's latest fields (a re-added ref keeps its place, its vectors reflect the last add, its earlier
/// postings remain). The postings' refs are listed by <see cref="PostingLists"/>.
/// </summary>
internal sealed class InvertedIndexMerge
{
    int[] indexOfTermId = [];
    TermTable terms = null!;
    int fieldCount;

    /// <summary>Distinct refs in order of first add.</summary>
    public List<string> Refs { get; } = [];

    /// <summary>The latest add's boost for each distinct ref.</summary>
    public List<double> DocumentBoosts { get; } = [];

    /// <summary>The latest analysis of field f of ref r, at r * fieldCount + f (lunr's fieldRef order).</summary>
    public List<AnalyzedField> FieldsByRef { get; } = [];

    /// <summary>Terms by <c>_index</c>.</summary>
    public List<TermPostings> TermsInOrder { get; } = [];

    public int DocumentCount { get; private set; }

    /// <summary>For each add, its ref's index in <see cref="Refs"/>.</summary>
    public int[] RefIdOfAdd { get; private set; } = [];

    /// <summary>Whether some ref was added more than once.</summary>
    public bool RefsRepeat { get; private set; }

    /// <remarks>
    /// Postings only count their refs, which is all idf needs, unless a ref is added twice: a repeat must not count
    /// twice, so refs are listed then.
    /// </remarks>
    public static InvertedIndexMerge Merge(
        IReadOnlyList<Builder.PendingDocument> documents, AnalyzedField[] analyzed, TermTable terms, int fieldCount)
    {
        var merge = new InvertedIndexMerge
        {
            terms = terms, fieldCount = fieldCount, indexOfTermId = new int[terms.Count], RefIdOfAdd = new int[documents.Count],
            RefsRepeat = documents.DistinctBy(d => d.Ref).Count() < documents.Count,
        };
        Array.Fill(merge.indexOfTermId, -1);
        var refIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            var isRepeat = refIds.TryGetValue(document.Ref, out var refId);
            if (!isRepeat)
            {
                refId = merge.Refs.Count;
                refIds.Add(document.Ref, refId);
                merge.Refs.Add(document.Ref);
                merge.DocumentBoosts.Add(document.Boost);
                for (var f = 0; f < fieldCount; f++)
                    merge.FieldsByRef.Add(AnalyzedField.Empty);
            }
            merge.RefIdOfAdd[d] = refId;
            merge.DocumentBoosts[refId] = document.Boost;
            for (var f = 0; f < fieldCount; f++)
            {
                var field = analyzed[d * fieldCount + f];
                merge.FieldsByRef[refId * fieldCount + f] = field;
                foreach (var termId in field.TermIds)
                    merge.Posting(termId).AddDocument(f, refId, checkDuplicate: isRepeat);
            }
        }
        merge.DocumentCount = documents.Count;
        return merge;
    }

    /// <summary>lunr's <c>_index</c> of a term id met during the merge.</summary>
    public int IndexOf(int termId) => indexOfTermId[termId];

    TermPostings Posting(int termId)
    {
        var index = indexOfTermId[termId];
        if (index >= 0)
            return TermsInOrder[index];
        var postings = new TermPostings(terms.TermOf(termId), TermsInOrder.Count, fieldCount, keepRefs: RefsRepeat);
        indexOfTermId[termId] = postings.Index;
        TermsInOrder.Add(postings);
        return postings;
    }

    internal sealed class TermPostings(string term, int index, int fieldCount, bool keepRefs)
    {
        readonly List<int>?[]? refIdsByField = keepRefs ? new List<int>?[fieldCount] : null;
        int documentsWithTerm;

        public string Term { get; } = term;

        public int Index { get; } = index;

        /// <summary>lunr.idf's count: documents per field, summed (a document holding it in two fields counts twice).</summary>
        public int DocumentsWithTerm => documentsWithTerm;

        public void AddDocument(int field, int refId, bool checkDuplicate)
        {
            if (refIdsByField is null)
            {
                documentsWithTerm++;
                return;
            }
            var ids = refIdsByField[field] ??= [];
            if (checkDuplicate && ids.Contains(refId))
                return;
            ids.Add(refId);
            documentsWithTerm++;
        }
    }
}
