using System.Collections.Concurrent;

namespace Lunr;

/// <summary>
/// lunr.Builder's <c>calculateAverageFieldLengths</c>, <c>lunr.idf</c> and <c>createFieldVectors</c>: a BM25
/// weight per term and field, rounded like <c>Math.round(score * 1000) / 1000</c>, with the same floating-point
/// operations in the same order as lunr.js so the results agree to the last bit. The weights come out either
/// as lunr's field vectors (<see cref="Calculate"/>) or grouped by term (<see cref="CalculateByTerm"/>).
/// </summary>
internal sealed class FieldVectorCalculator
{
    readonly Builder builder;
    readonly IReadOnlyList<FieldDefinition> fields;
    readonly InvertedIndexMerge merged;
    readonly int fieldCount;
    readonly double[] averageLengths;
    readonly double[] idfByTermIndex;

    public FieldVectorCalculator(Builder builder, IReadOnlyList<FieldDefinition> fields, InvertedIndexMerge merged)
    {
        this.builder = builder;
        this.fields = fields;
        this.merged = merged;
        fieldCount = fields.Count;
        averageLengths = AverageFieldLengths();
        idfByTermIndex = [.. merged.TermsInOrder.Select(t => InverseDocumentFrequency(t.DocumentsWithTerm))];
    }

    /// <summary>Every field vector, in one table; vectors are weighed and sorted in parallel.</summary>
    public FieldVectorTable Calculate()
    {
        var slotCount = merged.FieldsByRef.Count;
        var starts = new int[slotCount + 1];
        for (var slot = 0; slot < slotCount; slot++)
            starts[slot + 1] = starts[slot] + merged.FieldsByRef[slot].TermIds.Length;
        var table = new FieldVectorTable(starts, new VectorElement[starts[slotCount]]);
        Parallel.ForEach(Partitioner.Create(0, slotCount, 2048), range =>
        {
            var weights = new double[256];
            for (var slot = range.Item1; slot < range.Item2; slot++)
            {
                var termIds = merged.FieldsByRef[slot].TermIds;
                if (weights.Length < termIds.Length)
                    weights = new double[termIds.Length * 2];
                Weigh(slot, weights.AsSpan(0, termIds.Length));
                var elements = table.Elements.AsSpan(starts[slot], termIds.Length);
                for (var i = 0; i < termIds.Length; i++)
                    elements[i] = new VectorElement(merged.IndexOf(termIds[i]), weights[i]);
                elements.Sort(default(ByTermIndex));
            }
        });
        return table;
    }

    /// <summary>
    /// The same weights grouped by term, terms by <c>_index</c>: per field, the refs whose vector for that field
    /// holds the term, in ref order, with its weight there. A ref added twice counts with its last add, as its
    /// vectors do.
    /// </summary>
    public TermWeights[] CalculateByTerm()
    {
        var weights = new double[merged.FieldsByRef.Count][];
        Parallel.For(0, weights.Length, slot => weights[slot] = Weigh(slot));
        var termCount = merged.TermsInOrder.Count;
        var byTerm = new FieldWeights[termCount][];
        for (var t = 0; t < termCount; t++)
            byTerm[t] = new FieldWeights[fieldCount];
        Parallel.For(0, fieldCount, field =>
        {
            var counts = new int[termCount];
            for (var slot = field; slot < weights.Length; slot += fieldCount)
                foreach (var termId in merged.FieldsByRef[slot].TermIds)
                    counts[merged.IndexOf(termId)]++;
            for (var t = 0; t < termCount; t++)
                byTerm[t][field] = counts[t] == 0 ? FieldWeights.None : new FieldWeights(new int[counts[t]], new double[counts[t]]);
            Array.Clear(counts);
            for (var slot = field; slot < weights.Length; slot += fieldCount)
            {
                var termIds = merged.FieldsByRef[slot].TermIds;
                for (var i = 0; i < termIds.Length; i++)
                {
                    var t = merged.IndexOf(termIds[i]);
                    var (refIds, termWeights) = byTerm[t][field];
                    refIds[counts[t]] = slot / fieldCount;
                    termWeights[counts[t]++] = weights[slot][i];
                }
            }
        });
        return [.. Enumerable.Range(0, termCount).Select(t => new TermWeights(merged.TermsInOrder[t].Term, t, byTerm[t]))];
    }

    // Every distinct ref has every field (possibly empty), so each field's count is the number of refs.
    double[] AverageFieldLengths()
    {
        var totals = new double[fieldCount];
        for (var slot = 0; slot < merged.FieldsByRef.Count; slot++)
            totals[slot % fieldCount] += merged.FieldsByRef[slot].Length;
        return [.. totals.Select(total => total / merged.Refs.Count)];
    }

    double InverseDocumentFrequency(int documentsWithTerm) => Bm25.InverseDocumentFrequency(merged.DocumentCount, documentsWithTerm);

    /// <summary>The weight of each term of one field of one ref, in the order of the field's term ids.</summary>
    double[] Weigh(int slot)
    {
        var weights = new double[merged.FieldsByRef[slot].TermIds.Length];
        Weigh(slot, weights);
        return weights;
    }

    void Weigh(int slot, Span<double> weights)
    {
        var analyzed = merged.FieldsByRef[slot];
        var field = slot % fieldCount;
        var k1 = builder.TermFrequencySaturation;
        var b = builder.FieldLengthNormalization;
        var fieldBoost = Bm25.OrOne(fields[field].Boost);
        var docBoost = Bm25.OrOne(merged.DocumentBoosts[slot / fieldCount]);
        var averageLength = averageLengths[field];
        for (var i = 0; i < weights.Length; i++)
            weights[i] = Bm25.Weight(idfByTermIndex[merged.IndexOf(analyzed.TermIds[i])], analyzed.Frequencies[i], analyzed.Length, averageLength, k1, b, fieldBoost, docBoost);
    }

    readonly struct ByTermIndex : IComparer<VectorElement>
    {
        public int Compare(VectorElement x, VectorElement y) => x.TermIndex.CompareTo(y.TermIndex);
    }
}
