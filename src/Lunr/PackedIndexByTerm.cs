namespace Lunr;

/// <summary>
/// A built index term by term (as <see cref="IndexByTerm"/>) with each posting packed in one long: its weight in
/// thousandths (lunr rounds weights to <c>Math.round(x * 1000) / 1000</c>, so <c>thousandths / 1000</c> is lunr's
/// weight to the bit) in the high half, its document in the low half. One array rather than a ref array and a weight
/// array: a builder filling postings term by term writes each one place, not two, and shards sort these keys as they
/// are (by weight, then document).
/// </summary>
/// <param name="Fields">Field names in lunr's order.</param>
/// <param name="DocumentCount">Documents are numbered 0..DocumentCount-1, their refs those numbers.</param>
/// <param name="Terms">Every term, sorted by UTF-16 code units, as lunr's inverted index is.</param>
/// <param name="Indexes">Each term's lunr <c>_index</c>.</param>
/// <param name="Starts">
/// Field f of term t holds the postings <c>Postings[Starts[t * Fields.Count + f]..Starts[t * Fields.Count + f + 1]]</c>,
/// documents ascending.
/// </param>
public sealed record PackedIndexByTerm(IReadOnlyList<string> Fields, int DocumentCount, string[] Terms, int[] Indexes, int[] Starts, long[] Postings)
{
    /// <summary>A posting's key: <paramref name="thousandths"/> high, <paramref name="document"/> low.</summary>
    public static long Pack(int document, long thousandths) => thousandths << 32 | (uint)document;

    public static int Document(long posting) => (int)(posting & uint.MaxValue);

    /// <summary>The posting's weight as lunr writes it.</summary>
    public static double Weight(long posting) => (posting >> 32) / 1000.0;

    /// <summary>The postings of term <paramref name="term"/> (its place in <see cref="Terms"/>) in field <paramref name="field"/>.</summary>
    public ArraySegment<long> this[int term, int field]
    {
        get
        {
            var slot = term * Fields.Count + field;
            return new(Postings, Starts[slot], Starts[slot + 1] - Starts[slot]);
        }
    }

    /// <summary>The same index with its postings unpacked, refs "0", "1", ...</summary>
    public IndexByTerm Unpacked()
    {
        var terms = new TermWeights[Terms.Length];
        for (var t = 0; t < terms.Length; t++)
        {
            var byField = new FieldWeights[Fields.Count];
            for (var f = 0; f < byField.Length; f++)
            {
                var postings = this[t, f];
                byField[f] = postings.Count == 0
                    ? FieldWeights.None
                    : new FieldWeights(postings.Select(Document).ToArray(), postings.Select(Weight).ToArray());
            }
            terms[t] = new TermWeights(Terms[t], Indexes[t], byField);
        }
        var refs = new string[DocumentCount];
        for (var d = 0; d < refs.Length; d++)
            refs[d] = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new IndexByTerm(Fields, refs, terms);
    }
}
