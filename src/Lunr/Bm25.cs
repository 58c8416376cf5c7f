using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// <c>lunr.idf</c> and the BM25 weight of <c>createFieldVectors</c>, with the same floating-point operations in
/// the same order as lunr.js, so every builder of this library weighs a term to the same bit.
/// </summary>
internal static class Bm25
{
    /// <param name="documentsWithTerm">Documents per field holding the term, summed (one holding it in two fields counts twice).</param>
    public static double InverseDocumentFrequency(int documentCount, int documentsWithTerm)
    {
        var x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
        return Math.Log(1 + Math.Abs(x));
    }

    /// <summary>A term's weight in one field of one document, rounded like <c>Math.round(score * 1000) / 1000</c>.</summary>
    public static double Weight(double idf, double termFrequency, double fieldLength, double averageLength,
        double k1, double b, double fieldBoost, double documentBoost) =>
        Weight(idf, termFrequency, LengthNormalization(fieldLength, averageLength, k1, b), k1, fieldBoost, documentBoost);

    /// <summary>The part of the weight's divisor that is the same for every term of a field, worked out once per field.</summary>
    public static double LengthNormalization(double fieldLength, double averageLength, double k1, double b) =>
        k1 * (1 - b + b * (fieldLength / averageLength));

    /// <param name="lengthNormalization">The field's <see cref="LengthNormalization"/>.</param>
    public static double Weight(double idf, double termFrequency, double lengthNormalization, double k1, double fieldBoost, double documentBoost) =>
        Thousandths(idf, termFrequency, lengthNormalization, k1, fieldBoost, documentBoost) / 1000;

    /// <summary>The weight times 1000, a whole number: <c>Math.round(score * 1000)</c> before lunr divides it.</summary>
    /// <param name="lengthNormalization">The field's <see cref="LengthNormalization"/>.</param>
    // Inlined into the batch builder's loop over every posting (with Math.round, which it calls).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Thousandths(double idf, double termFrequency, double lengthNormalization, double k1, double fieldBoost, double documentBoost)
    {
        var score = idf * ((k1 + 1) * termFrequency) / (lengthNormalization + termFrequency);
        score *= fieldBoost;
        score *= documentBoost;
        return JavaScriptNumber.Round(score * 1000);
    }

    /// <summary>JavaScript's <c>boost || 1</c>: 0 and NaN mean "no boost".</summary>
    public static double OrOne(double boost) => boost == 0 || double.IsNaN(boost) ? 1 : boost;
}
