using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// Builds the <see cref="IndexByTerm"/> that <see cref="Builder.BuildByTerm"/> would build from documents added
/// in batches, refs "0", "1", ... in batch order, straight from <see cref="AnalyzedBatch"/>es numbered in one
/// <see cref="SharedVocabulary"/>: a few passes over flat arrays, with no object per document, field or posting.
/// That makes rebuilding a whole index from kept analyses cheap, which it must be, because one changed
/// document changes lunr's idf and average field lengths, so potentially every weight.
/// </summary>
public static class BatchIndexBuilder
{
    /// <param name="settings">Whose fields (in lunr's order), BM25 <c>k1</c> and <c>b</c> to use; the documents it holds are not part of the index.</param>
    public static IndexByTerm BuildByTerm(Builder settings, SharedVocabulary vocabulary, IReadOnlyList<AnalyzedBatch> batches) =>
        BuildPacked(settings, vocabulary, batches).Unpacked();

    /// <summary>As <see cref="BuildByTerm"/>, each posting packed in a long (<see cref="PackedIndexByTerm"/>).</summary>
    /// <param name="settings">Whose fields (in lunr's order), BM25 <c>k1</c> and <c>b</c> to use; the documents it holds are not part of the index.</param>
    public static PackedIndexByTerm BuildPacked(Builder settings, SharedVocabulary vocabulary, IReadOnlyList<AnalyzedBatch> batches)
    {
        var fields = settings.Fields;
        var fieldCount = fields.Count;
        foreach (var batch in batches)
            if (batch.FieldCount != fieldCount)
                throw new ArgumentException($"documents analysed with {batch.FieldCount} fields, the builder has {fieldCount}", nameof(batches));
        var firstDocument = new int[batches.Count + 1];
        for (var b = 0; b < batches.Count; b++)
            firstDocument[b + 1] = checked(firstDocument[b] + batches[b].DocumentCount);
        var documentCount = firstDocument[^1];

        var (termsByIndex, documentsWithTerm, averageLengths) = Merge(vocabulary, batches, fieldCount, documentCount);
        var sorted = (int[])termsByIndex.Clone();
        Array.Sort(sorted, vocabulary.Compare);
        var rankOfTerm = new int[vocabulary.Count];
        var idfOfTerm = new double[vocabulary.Count];
        for (var rank = 0; rank < sorted.Length; rank++)
        {
            rankOfTerm[sorted[rank]] = rank;
            idfOfTerm[sorted[rank]] = Bm25.InverseDocumentFrequency(documentCount, documentsWithTerm[sorted[rank]]);
        }

        var (starts, postings) = Postings(settings, batches, firstDocument, rankOfTerm, idfOfTerm, averageLengths, sorted.Length);
        var indexOfTerm = new int[vocabulary.Count];
        for (var index = 0; index < termsByIndex.Length; index++)
            indexOfTerm[termsByIndex[index]] = index;
        var terms = new string[sorted.Length];
        var indexes = new int[sorted.Length];
        for (var rank = 0; rank < terms.Length; rank++)
        {
            terms[rank] = vocabulary[sorted[rank]];
            indexes[rank] = indexOfTerm[sorted[rank]];
        }
        return new PackedIndexByTerm([.. fields.Select(f => f.Name)], documentCount, terms, indexes, starts, postings);
    }

    /// <summary>
    /// The single-threaded part, in add order as lunr merges: terms numbered by first appearance (lunr's
    /// <c>_index</c>), documents per field holding each term (idf's count) and the average length of each field.
    /// </summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static (int[] TermsByIndex, int[] DocumentsWithTerm, double[] AverageLengths) Merge(
        SharedVocabulary vocabulary, IReadOnlyList<AnalyzedBatch> batches, int fieldCount, int documentCount)
    {
        var termCount = vocabulary.Count;
        var documentsWithTerm = new int[termCount];
        var termsByIndex = new List<int>();
        var lengthTotals = new long[fieldCount];
        foreach (var batch in batches)
        {
            var ends = batch.FieldEnds;
            var termIds = batch.TermIds;
            var frequencies = batch.Frequencies;
            var start = 0;
            for (var slot = 0; slot < ends.Length; slot++)
            {
                long length = 0;
                for (var i = start; i < ends[slot]; i++)
                {
                    var id = termIds[i];
                    if ((uint)id >= (uint)termCount)
                        throw new ArgumentException($"term id {id} is not in the vocabulary of {termCount} terms", nameof(batches));
                    if (documentsWithTerm[id]++ == 0)
                        termsByIndex.Add(id);
                    length += frequencies[i];
                }
                lengthTotals[slot % fieldCount] += length;
                start = ends[slot];
            }
        }
        // lunr sums the lengths as doubles; sums of integers below 2^53 are exact either way.
        var averageLengths = new double[fieldCount];
        for (var field = 0; field < fieldCount; field++)
            averageLengths[field] = (double)lengthTotals[field] / documentCount;
        return ([.. termsByIndex], documentsWithTerm, averageLengths);
    }

    /// <summary>
    /// Term rank by term rank, field by field, where its postings start, and the postings (see
    /// <see cref="PackedIndexByTerm"/>). Filled in parallel, each worker a range of batches: each first counts its
    /// postings per term and field, so every worker knows where its own go and they are in document order without
    /// sorting.
    /// </summary>
    static (int[] Starts, long[] Postings) Postings(Builder settings, IReadOnlyList<AnalyzedBatch> batches, int[] firstDocument,
        int[] rankOfTerm, double[] idfOfTerm, double[] averageLengths, int termCount)
    {
        var fields = settings.Fields;
        var fieldCount = fields.Count;
        var slotsPerTerm = (long)termCount * fieldCount;
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var ranges = Ranges(batches, workers);
        var counts = new int[ranges.Length][];
        Parallel.For(0, ranges.Length, w => counts[w] = Count(batches, ranges[w], rankOfTerm, fieldCount, slotsPerTerm));

        // Each worker's count becomes where its next posting of that term and field goes.
        var starts = new int[slotsPerTerm + 1];
        var total = 0;
        for (var key = 0; key < slotsPerTerm; key++)
        {
            starts[key] = total;
            foreach (var count in counts)
            {
                var n = count[key];
                count[key] = total;
                total = checked(total + n);
            }
        }
        starts[slotsPerTerm] = total;

        // Every place is filled below, so the array needs no clearing first (it is tens of MB).
        var postings = GC.AllocateUninitializedArray<long>(total);
        var k1 = settings.TermFrequencySaturation;
        var b = settings.FieldLengthNormalization;
        var boosts = new double[fieldCount];
        for (var field = 0; field < fieldCount; field++)
            boosts[field] = Bm25.OrOne(fields[field].Boost);
        var weights = new WeightSettings(firstDocument, rankOfTerm, idfOfTerm, averageLengths, boosts, k1, b);
        Parallel.For(0, ranges.Length, w => Fill(postings, counts[w], batches, ranges[w], weights));
        return (starts, postings);
    }

    /// <summary>One worker's postings per term rank and field, of its range of batches.</summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int[] Count(IReadOnlyList<AnalyzedBatch> batches, (int Start, int End) range, int[] rankOfTerm, int fieldCount, long slotsPerTerm)
    {
        var count = new int[slotsPerTerm];
        for (var b = range.Start; b < range.End; b++)
        {
            var batch = batches[b];
            var ends = batch.FieldEnds;
            var termIds = batch.TermIds;
            var start = 0;
            for (var slot = 0; slot < ends.Length; slot++)
            {
                var field = slot % fieldCount;
                for (var i = start; i < ends[slot]; i++)
                    count[rankOfTerm[termIds[i]] * fieldCount + field]++;
                start = ends[slot];
            }
        }
        return count;
    }

    /// <summary>What a posting's weight and place are worked out from, the same for every worker.</summary>
    sealed record WeightSettings(int[] FirstDocument, int[] RankOfTerm, double[] IdfOfTerm, double[] AverageLengths, double[] Boosts, double K1, double B);

    /// <summary>Puts one worker's postings, weighed, where <paramref name="next"/> says its next posting of each term rank and field goes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Fill(long[] postings, int[] next, IReadOnlyList<AnalyzedBatch> batches, (int Start, int End) range, WeightSettings settings)
    {
        var (firstDocument, rankOfTerm, idfOfTerm, averageLengths, boosts, k1, b) = settings;
        var fieldCount = averageLengths.Length;
        for (var n = range.Start; n < range.End; n++)
        {
            var batch = batches[n];
            var ends = batch.FieldEnds;
            var termIds = batch.TermIds;
            var frequencies = batch.Frequencies;
            var start = 0;
            for (var slot = 0; slot < ends.Length; slot++)
            {
                var field = slot % fieldCount;
                var document = firstDocument[n] + slot / fieldCount;
                var length = 0;
                for (var i = start; i < ends[slot]; i++)
                    length += frequencies[i];
                var normalization = Bm25.LengthNormalization(length, averageLengths[field], k1, b);
                for (var i = start; i < ends[slot]; i++)
                {
                    var id = termIds[i];
                    // Every document is added once with no boost of its own: lunr's document boost is 1.
                    var thousandths = Bm25.Thousandths(idfOfTerm[id], frequencies[i], normalization, k1, boosts[field], 1);
                    postings[next[rankOfTerm[id] * fieldCount + field]++] = PackedIndexByTerm.Pack(document, (long)thousandths);
                }
                start = ends[slot];
            }
        }
    }

    /// <summary>Consecutive ranges of batches with about as many postings each.</summary>
    static (int Start, int End)[] Ranges(IReadOnlyList<AnalyzedBatch> batches, int parts)
    {
        long total = 0;
        foreach (var batch in batches)
            total += batch.TermIds.Length;
        var ranges = new List<(int Start, int End)>();
        var start = 0;
        long sum = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            sum += batches[b].TermIds.Length;
            if (sum * parts >= total * (ranges.Count + 1) && ranges.Count < parts - 1)
            {
                ranges.Add((start, b + 1));
                start = b + 1;
            }
        }
        ranges.Add((start, batches.Count));
        return [.. ranges];
    }
}
