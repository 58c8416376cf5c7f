namespace Lunr;

/// <summary>
/// A batch of documents after tokenizer and pipeline (<see cref="Builder.Analyze"/>), ready for
/// <see cref="Builder.Add(IReadOnlyList{string}, AnalyzedDocuments, double)"/>: per document and field, the
/// distinct terms in order of first occurrence with their frequencies, and the field length. The terms are
/// numbered within the batch (<see cref="Terms"/>), so a batch stands on its own: it can be added to a builder
/// or numbered in a <see cref="SharedVocabulary"/> to be kept (<see cref="AnalyzedBatch"/>). Refs are not part
/// of it: they are given when it is added.
/// </summary>
public sealed class AnalyzedDocuments
{
    readonly AnalyzedField[] fields;

    internal AnalyzedDocuments(string[] terms, int fieldCount, int count, AnalyzedField[] fields)
    {
        Terms = terms;
        FieldCount = fieldCount;
        Count = count;
        this.fields = fields;
    }

    /// <summary>The distinct terms of the batch; fields refer to them by position.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The number of fields each document was analysed with.</summary>
    public int FieldCount { get; }

    /// <summary>The number of documents.</summary>
    public int Count { get; }

    /// <summary>Field <paramref name="field"/> of document <paramref name="document"/>, its terms numbered within the batch.</summary>
    internal AnalyzedField Field(int document, int field) => fields[document * FieldCount + field];
}
