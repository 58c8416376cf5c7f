namespace Lunr;

/// <summary>
/// One field of one document after tokenizer and pipeline: the ids of its distinct terms in order of first
/// occurrence (the order lunr.js meets them, which fixes <c>_index</c> numbering), their frequencies, and
/// the field length (number of terms, stop words excluded).
/// </summary>
internal sealed record AnalyzedField(int[] TermIds, int[] Frequencies, int Length)
{
    public static AnalyzedField Empty { get; } = new([], [], 0);
}
