namespace Lunr;

/// <summary>
/// lunr.Builder's <c>calculateAverageFieldLengths</c>, <c>lunr.idf</c> and <c>createFieldVectors</c>: a BM25
/// weight per term and field, rounded like <c>Math.round(score * 1000) / 1000</c>, with the same floating-point
/// operations in the same order as lunr.js so the results agree to the last bit.
/// </summary>
internal sealed class FieldVectorCalculator(Builder builder, IReadOnlyList<FieldDefinition> fields, InvertedIndexMerge merged)
{
    readonly int fieldCount = fields.Count;

    public IReadOnlyList<FieldVector> Calculate()
    {
        var averageLengths = AverageFieldLengths();
        var idfByTermIndex = merged.TermsInOrder.Select(t => InverseDocumentFrequency(t.DocumentsWithTerm)).ToArray();
        var vectors = new FieldVector[merged.FieldsByRef.Count];
        Parallel.For(0, vectors.Length, slot =>
        {
            var field = slot % fieldCount;
            var refId = slot / fieldCount;
            var vector = Weigh(merged.FieldsByRef[slot], field, merged.DocumentBoosts[refId], averageLengths[field], idfByTermIndex);
            vectors[slot] = new FieldVector(new FieldRef(fields[field].Name, merged.Refs[refId]), vector);
        });
        return vectors;
    }

    // Every distinct ref has every field (possibly empty), so each field's count is the number of refs.
    double[] AverageFieldLengths()
    {
        var totals = new double[fieldCount];
        for (var slot = 0; slot < merged.FieldsByRef.Count; slot++)
            totals[slot % fieldCount] += merged.FieldsByRef[slot].Length;
        return [.. totals.Select(total => total / merged.Refs.Count)];
    }

    double InverseDocumentFrequency(int documentsWithTerm)
    {
        var x = (merged.DocumentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
        return Math.Log(1 + Math.Abs(x));
    }

    Vector Weigh(AnalyzedField analyzed, int field, double documentBoost, double averageLength, double[] idfByTermIndex)
    {
        var k1 = builder.TermFrequencySaturation;
        var b = builder.FieldLengthNormalization;
        var fieldBoost = OrOne(fields[field].Boost);
        var docBoost = OrOne(documentBoost);
        var termIndexes = new int[analyzed.TermIds.Length];
        var elements = new VectorElement[analyzed.TermIds.Length];
        for (var i = 0; i < analyzed.TermIds.Length; i++)
        {
            var termIndex = merged.IndexOf(analyzed.TermIds[i]);
            double tf = analyzed.Frequencies[i];
            var score = idfByTermIndex[termIndex] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (analyzed.Length / averageLength)) + tf);
            score *= fieldBoost;
            score *= docBoost;
            termIndexes[i] = termIndex;
            elements[i] = new VectorElement(termIndex, JavaScriptNumber.Round(score * 1000) / 1000);
        }
        Array.Sort(termIndexes, elements);
        return new Vector(elements);
    }

    /// <summary>JavaScript's <c>boost || 1</c>: 0 and NaN mean "no boost".</summary>
    static double OrOne(double boost) => boost == 0 || double.IsNaN(boost) ? 1 : boost;
}
