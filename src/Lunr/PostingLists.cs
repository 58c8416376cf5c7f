namespace Lunr;

/// <summary>
/// The document refs of lunr's inverted index, flat: in field f, the term with <c>_index</c> t is held by the refs
/// <c>RefIds[f][Starts[f][t]..Starts[f][t + 1]]</c>, in the order lunr.js inserts them (order of adding; a ref added
/// again keeps its first place and is listed once, and terms only its earlier add held keep it).
/// </summary>
internal sealed class PostingLists
{
    readonly int[][] starts;
    readonly int[][] refIds;

    PostingLists(int[][] starts, int[][] refIds)
    {
        this.starts = starts;
        this.refIds = refIds;
    }

    /// <summary>The ref ids holding term index <paramref name="term"/> in field <paramref name="field"/>.</summary>
    public ArraySegment<int> this[int field, int term] =>
        new(refIds[field], starts[field][term], starts[field][term + 1] - starts[field][term]);

    /// <param name="analyzed">Each add's fields, add d's field f at d * fieldCount + f.</param>
    public static PostingLists Build(AnalyzedField[] analyzed, InvertedIndexMerge merged, int fieldCount)
    {
        var termCount = merged.TermsInOrder.Count;
        var refIdOfAdd = merged.RefIdOfAdd;
        var starts = new int[fieldCount][];
        var refIds = new int[fieldCount][];
        // A counting sort per field: count each term's refs, then place them; fields are independent.
        Parallel.For(0, fieldCount, field =>
        {
            var fieldStarts = new int[termCount + 1];
            for (var add = 0; add < refIdOfAdd.Length; add++)
                foreach (var termId in analyzed[add * fieldCount + field].TermIds)
                    fieldStarts[merged.IndexOf(termId) + 1]++;
            for (var t = 0; t < termCount; t++)
                fieldStarts[t + 1] += fieldStarts[t];
            var fieldRefIds = new int[fieldStarts[termCount]];
            var next = fieldStarts[..termCount];
            for (var add = 0; add < refIdOfAdd.Length; add++)
                foreach (var termId in analyzed[add * fieldCount + field].TermIds)
                    fieldRefIds[next[merged.IndexOf(termId)]++] = refIdOfAdd[add];
            if (merged.RefsRepeat)
                fieldRefIds = KeepFirstOfEachRef(fieldStarts, fieldRefIds);
            starts[field] = fieldStarts;
            refIds[field] = fieldRefIds;
        });
        return new PostingLists(starts, refIds);
    }

    // Each term's refs in place of its list with repeats left out, moving later lists down; starts follow.
    static int[] KeepFirstOfEachRef(int[] starts, int[] refIds)
    {
        var seen = new HashSet<int>();
        var kept = 0;
        for (var t = 0; t + 1 < starts.Length; t++)
        {
            seen.Clear();
            var (start, end) = (starts[t], starts[t + 1]);
            starts[t] = kept;
            for (var i = start; i < end; i++)
                if (seen.Add(refIds[i]))
                    refIds[kept++] = refIds[i];
        }
        starts[^1] = kept;
        return refIds[..kept];
    }
}
