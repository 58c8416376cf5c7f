namespace Lunr;

/// <summary>
/// lunr.Builder: collects documents and builds an <see cref="Index"/> identical to the one lunr.js 2.3.9
/// builds from the same calls (same terms, <c>_index</c> numbering, BM25 field vectors and serialisation).
/// Documents are analysed in parallel and merged in the order they were added, so numbering is deterministic.
/// lunr's metadata whitelist is always empty here: postings carry <c>{}</c> per document.
/// </summary>
public sealed class Builder
{
    readonly List<FieldDefinition> fieldsInDefinitionOrder = [];
    readonly List<PendingDocument> documents = [];
    IReadOnlyList<FieldDefinition>? orderedFields;
    double fieldLengthNormalization = 0.75;
    Pipeline pipeline = Pipeline.Indexing;
    // One table per builder, shared by Analyze and Build: a long-running process should not keep every word it
    // ever indexed.
    TermTable? terms;

    /// <summary>The document key whose value is each document's ref (lunr's <c>_ref</c>, "id" by default).</summary>
    public string RefField { get; private set; } = "id";

    /// <summary>The fields in lunr's order: definition order, integer-like names first (JavaScript key order).</summary>
    public IReadOnlyList<FieldDefinition> Fields => orderedFields ??= JavaScriptObjectKeys.Order(fieldsInDefinitionOrder, f => f.Name).ToArray();

    /// <summary>BM25 <c>b</c>: how much a field's length relative to the average damps its weights; clamped to [0, 1].</summary>
    public double FieldLengthNormalization
    {
        get => fieldLengthNormalization;
        set => fieldLengthNormalization = Math.Clamp(value, 0, 1);
    }

    /// <summary>BM25 <c>k1</c>: how quickly repeating a term stops adding weight.</summary>
    public double TermFrequencySaturation { get; set; } = 1.2;

    public Pipeline Pipeline
    {
        get => pipeline;
        set
        {
            pipeline = value;
            terms = null;
        }
    }

    /// <summary>
    /// Analysers of batches done, cleared, for the next <see cref="Analyze"/> calls to reuse (one per call at a
    /// time); kept with the builder, so they go with its <see cref="TermTable"/>.
    /// </summary>
    readonly System.Collections.Concurrent.ConcurrentBag<(LocalVocabulary Vocabulary, FieldAnalyzer Analyzer)> batchAnalyzers = [];

    TermTable Terms => LazyInitializer.EnsureInitialized(ref terms, () => new TermTable(pipeline));

    /// <summary>The pipeline lunr.js applies to query terms; only its labels reach the index.</summary>
    public Pipeline SearchPipeline { get; set; } = Pipeline.Search;

    /// <summary>Number of <see cref="Add"/> calls (a repeated ref counts again, as in lunr.js).</summary>
    public int DocumentCount => documents.Count;

    /// <summary>Called with a stage's name as each stage of <see cref="Build"/> ends (for benchmarks).</summary>
    public Action<string>? StageFinished { get; set; }

    public void Ref(string fieldName) => RefField = fieldName;

    public void Field(string fieldName, double boost = 1)
    {
        if (fieldName.Contains(FieldRef.Joiner))
            throw new ArgumentException($"Field '{fieldName}' contains illegal character '/'", nameof(fieldName));
        if (documents.Count > 0)
            throw new InvalidOperationException($"Field '{fieldName}' defined after documents were added; define every field first.");
        var existing = fieldsInDefinitionOrder.FindIndex(f => f.Name == fieldName);
        var definition = new FieldDefinition(fieldName, boost);
        if (existing >= 0)
            fieldsInDefinitionOrder[existing] = definition;
        else
            fieldsInDefinitionOrder.Add(definition);
        orderedFields = null;
    }

    /// <summary>Adds a document: its <see cref="RefField"/> value is the ref; absent or null fields are empty.</summary>
    public void Add(IReadOnlyDictionary<string, string> document, double boost = 1)
    {
        if (!document.TryGetValue(RefField, out var docRef) || docRef is null)
            throw new ArgumentException($"The document has no value for its ref field '{RefField}'.", nameof(document));
        var values = Fields.Select(f => document.TryGetValue(f.Name, out var value) ? value : null).ToArray();
        documents.Add(new PendingDocument(docRef, values, boost));
    }

    /// <summary>
    /// Tokenizes and runs the pipeline over a batch of documents (their field values; refs are ignored) once, for
    /// <see cref="Add(IReadOnlyList{string}, AnalyzedDocuments, double)"/> now or in a later build with the same
    /// fields and pipeline. Safe to call from several threads at once.
    /// </summary>
    public AnalyzedDocuments Analyze(IEnumerable<IReadOnlyDictionary<string, string>> batch)
    {
        var fields = Fields;
        var table = Terms;
        if (!batchAnalyzers.TryTake(out var kept) || kept.Vocabulary.Table != table || kept.Analyzer.FieldCount != fields.Count)
        {
            var fresh = new LocalVocabulary(table);
            kept = (fresh, new FieldAnalyzer(fresh, fields.Count));
        }
        var (vocabulary, analyzer) = kept;
        try
        {
            var analyzed = new List<AnalyzedField>();
            var count = 0;
            foreach (var document in batch)
            {
                count++;
                for (var f = 0; f < fields.Count; f++)
                    analyzed.Add(analyzer.Analyze(document.TryGetValue(fields[f].Name, out var value) ? value : null, f));
            }
            return new AnalyzedDocuments(vocabulary.Terms, fields.Count, count, [.. analyzed]);
        }
        finally
        {
            vocabulary.Clear();
            analyzer.Clear();
            batchAnalyzers.Add((vocabulary, analyzer));
        }
    }

    /// <summary>Adds an analysed batch, document i under <paramref name="refs"/>[i]: the same index as adding the documents themselves.</summary>
    public void Add(IReadOnlyList<string> refs, AnalyzedDocuments batch, double boost = 1)
    {
        if (refs.Count != batch.Count)
            throw new ArgumentException($"{refs.Count} refs for {batch.Count} analysed documents", nameof(refs));
        if (batch.FieldCount != Fields.Count)
            throw new ArgumentException($"documents analysed with {batch.FieldCount} fields, the builder has {Fields.Count}", nameof(batch));
        for (var i = 0; i < refs.Count; i++)
            documents.Add(new PendingDocument(refs[i], null, boost, batch, i));
    }

    /// <summary>
    /// The index: documents analysed in parallel, terms numbered in the order lunr.js meets them, then the field
    /// vectors, the postings and the term order made at the same time.
    /// </summary>
    public Index Build()
    {
        var fields = Fields;
        var terms = Terms;
        var analyzed = Analyze(terms, fields.Count);
        StageFinished?.Invoke("analyse");
        var merged = InvertedIndexMerge.Merge(documents, analyzed, terms, fields.Count);
        StageFinished?.Invoke("number terms");
        string[] termsByIndex = [.. merged.TermsInOrder.Select(t => t.Term)];
        FieldVectorTable vectors = null!;
        PostingLists postings = null!;
        int[] termIndexesInOrder = null!;
        Parallel.Invoke(
            () => vectors = new FieldVectorCalculator(this, fields, merged).Calculate(),
            () => postings = PostingLists.Build(analyzed, merged, fields.Count),
            () => termIndexesInOrder = OrdinalOrder(termsByIndex));
        StageFinished?.Invoke("vectors, postings, term order");
        return new Index(
            [.. fields.Select(f => f.Name)],
            [.. merged.Refs],
            vectors,
            termsByIndex,
            termIndexesInOrder,
            postings,
            SearchPipeline.Labels);
    }

    /// <summary>
    /// The index <see cref="Build"/> makes, seen term by term (as shards cut it), without lunr's field vectors
    /// and postings as objects: for each term, its <c>_index</c> and per field the refs holding it with its weight.
    /// </summary>
    public IndexByTerm BuildByTerm()
    {
        var fields = Fields;
        var terms = Terms;
        var merged = InvertedIndexMerge.Merge(documents, Analyze(terms, fields.Count), terms, fields.Count);
        var byTerm = new FieldVectorCalculator(this, fields, merged).CalculateByTerm();
        Array.Sort(byTerm, (x, y) => string.CompareOrdinal(x.Term, y.Term));
        return new IndexByTerm([.. fields.Select(f => f.Name)], [.. merged.Refs], byTerm);
    }

    // One worker per core, each with its own FieldAnalyzer (whose arrays grow with the vocabulary), taking
    // small batches of documents in turn. Parallel.For's localInit would run per task replica, and under load
    // it starts many.
    // Documents added already analysed only have their batch's term numbers replaced by the table's.
    AnalyzedField[] Analyze(TermTable terms, int fieldCount)
    {
        const int Batch = 32;
        var idsOfBatch = TermIdsOfBatches(terms);
        var analyzed = new AnalyzedField[documents.Count * fieldCount];
        var nextDocument = 0;
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            var analyzer = new FieldAnalyzer(terms, fieldCount);
            int start;
            while ((start = Interlocked.Add(ref nextDocument, Batch) - Batch) < documents.Count)
                for (var d = start; d < Math.Min(start + Batch, documents.Count); d++)
                {
                    var document = documents[d];
                    for (var f = 0; f < fieldCount; f++)
                        analyzed[d * fieldCount + f] = document.Analyzed is { } batch
                            ? Renumber(batch.Field(document.AnalyzedIndex, f), idsOfBatch[batch])
                            : analyzer.Analyze(document.FieldValues![f], f);
                }
        });
        return analyzed;
    }

    Dictionary<AnalyzedDocuments, int[]> TermIdsOfBatches(TermTable terms)
    {
        var batches = documents.Select(d => d.Analyzed).OfType<AnalyzedDocuments>().Distinct().ToArray();
        var ids = new int[batches.Length][];
        Parallel.For(0, batches.Length, b => ids[b] = [.. batches[b].Terms.Select(terms.IdOfTerm)]);
        return batches.Select((batch, b) => (batch, b)).ToDictionary(x => x.batch, x => ids[x.b]);
    }

    static AnalyzedField Renumber(AnalyzedField field, int[] termIds)
    {
        if (field.TermIds.Length == 0)
            return field;
        var renumbered = new int[field.TermIds.Length];
        for (var i = 0; i < renumbered.Length; i++)
            renumbered[i] = termIds[field.TermIds[i]];
        return field with { TermIds = renumbered };
    }

    /// <summary>The indexes of <paramref name="terms"/> ordered as JavaScript's default sort orders strings (by UTF-16 code units).</summary>
    static int[] OrdinalOrder(string[] terms)
    {
        var keys = (string[])terms.Clone();
        var order = Enumerable.Range(0, terms.Length).ToArray();
        Array.Sort(keys, order, StringComparer.Ordinal);
        return order;
    }

    /// <summary>A document as added: its field values, or its place in an analysed batch.</summary>
    internal sealed record PendingDocument(string Ref, string?[]? FieldValues, double Boost, AnalyzedDocuments? Analyzed = null, int AnalyzedIndex = 0);
}
