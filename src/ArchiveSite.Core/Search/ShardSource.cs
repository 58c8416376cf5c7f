using System.Text.Json;

namespace ArchiveSite.Search;

/// <summary>One document's weight for a term in one field: an element of lunr's field vector.</summary>
public readonly record struct Posting(int Document, double Weight);

/// <summary>An index term with its lunr dimension and, per field (in field order), the documents holding it.</summary>
public sealed record IndexTerm(string Term, int Index, IReadOnlyList<IReadOnlyList<Posting>> PostingsByField);

/// <summary>
/// A lunr index seen term by term, which is how shards cut it. Documents are numbered 0..DocumentCount-1
/// and their lunr refs are those numbers; terms are in ordinal order, as lunr sorts them.
/// </summary>
public sealed record ShardSource(string Version, IReadOnlyList<string> Fields, int DocumentCount, IReadOnlyList<IndexTerm> Terms)
{
    /// <summary>Reads lunr.js 2.3.9 JSON (as lunr.js or the C# builder serialise it).</summary>
    public static ShardSource FromLunrJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var fields = root.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToArray();

        var weights = new Dictionary<(string FieldRef, int Index), double>();
        var documents = new HashSet<int>();
        foreach (var pair in root.GetProperty("fieldVectors").EnumerateArray())
        {
            var fieldRef = pair[0].GetString()!;
            documents.Add(DocumentNumber(fieldRef[(fieldRef.IndexOf('/') + 1)..]));
            var elements = pair[1];
            for (var i = 0; i + 1 < elements.GetArrayLength(); i += 2)
                weights[(fieldRef, elements[i].GetInt32())] = elements[i + 1].GetDouble();
        }

        var terms = new List<IndexTerm>();
        foreach (var pair in root.GetProperty("invertedIndex").EnumerateArray())
        {
            var term = pair[0].GetString()!;
            var posting = pair[1];
            var index = posting.GetProperty("_index").GetInt32();
            var byField = fields.Select(field => (IReadOnlyList<Posting>)posting.GetProperty(field).EnumerateObject()
                .Select(doc => new Posting(DocumentNumber(doc.Name), weights[($"{field}/{doc.Name}", index)]))
                .OrderBy(p => p.Document)
                .ToArray()).ToArray();
            terms.Add(new IndexTerm(term, index, byField));
        }
        if (documents.Count > 0 && documents.Max() != documents.Count - 1)
            throw new FormatException($"search shards need document refs 0..N-1, found {documents.Count} refs up to {documents.Max()}");
        return new ShardSource(root.GetProperty("version").GetString()!, fields, documents.Count, terms);
    }

    /// <summary>
    /// Reads an index made by the C# builder (<see cref="Lunr.Builder"/>). The postings come from the field
    /// vectors, read document by document, so each term's postings are in document order with no lookups;
    /// their counts are checked against the inverted index, which lists the same documents.
    /// </summary>
    public static ShardSource FromIndex(Lunr.Index index)
    {
        var fieldCount = index.Fields.Count;
        var fieldNumber = index.Fields.Select((name, i) => (name, i)).ToDictionary(f => f.name, f => f.i);
        var documentCount = index.FieldVectors.Count / Math.Max(1, fieldCount);
        var termCount = index.InvertedIndex.Count;
        var vectorsByField = new Lunr.FieldVector[fieldCount][];
        for (var f = 0; f < fieldCount; f++) vectorsByField[f] = new Lunr.FieldVector[documentCount];
        foreach (var fieldVector in index.FieldVectors)
        {
            var document = DocumentNumber(fieldVector.FieldRef.DocRef);
            if (document >= documentCount)
                throw new FormatException($"search shards need document refs 0..N-1, found ref {document} among {documentCount} documents");
            vectorsByField[fieldNumber[fieldVector.FieldRef.FieldName]][document] = fieldVector;
        }

        var postingsByField = new Posting[fieldCount][][];
        Parallel.For(0, fieldCount, f =>
        {
            var counts = new int[termCount];
            foreach (var vector in vectorsByField[f])
                foreach (var element in vector.Vector.Elements) counts[element.TermIndex]++;
            var postings = new Posting[termCount][];
            for (var t = 0; t < termCount; t++) postings[t] = counts[t] == 0 ? [] : new Posting[counts[t]];
            Array.Clear(counts);
            for (var document = 0; document < documentCount; document++)
                foreach (var element in vectorsByField[f][document].Vector.Elements)
                    postings[element.TermIndex][counts[element.TermIndex]++] = new Posting(document, element.Weight);
            postingsByField[f] = postings;
        });

        var terms = new IndexTerm[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var entry = index.InvertedIndex[t];
            var byField = new IReadOnlyList<Posting>[fieldCount];
            for (var f = 0; f < fieldCount; f++)
            {
                byField[f] = postingsByField[f][entry.Posting.Index];
                if (byField[f].Count != entry.Posting.DocRefsByField[f].Count)
                    throw new InvalidOperationException($"the index lists term '{entry.Term}' in {entry.Posting.DocRefsByField[f].Count} documents of field {index.Fields[f]}, its field vectors in {byField[f].Count}");
            }
            terms[t] = new IndexTerm(entry.Term, entry.Posting.Index, byField);
        }
        return new ShardSource(Lunr.Index.Version, index.Fields, documentCount, terms);
    }

    /// <summary>
    /// Reads an index the C# builder made term by term, postings packed (<see cref="Lunr.BatchIndexBuilder.BuildPacked"/>):
    /// the same source as <see cref="FromIndex(Lunr.Index)"/> gives for that builder's <see cref="Lunr.Builder.Build"/>.
    /// Its postings are views of the index's array, not copies.
    /// </summary>
    public static ShardSource FromIndex(Lunr.PackedIndexByTerm index)
    {
        var fieldCount = index.Fields.Count;
        var terms = new IndexTerm[index.Terms.Length];
        for (var t = 0; t < terms.Length; t++)
        {
            var byField = new IReadOnlyList<Posting>[fieldCount];
            for (var f = 0; f < fieldCount; f++)
            {
                var postings = index[t, f];
                byField[f] = postings.Count == 0 ? [] : new PackedPostings(postings);
            }
            terms[t] = new IndexTerm(index.Terms[t], index.Indexes[t], byField);
        }
        return new ShardSource(Lunr.Index.Version, index.Fields, index.DocumentCount, terms);
    }

    /// <summary>One field's postings of a term, read from the builder's packed array.</summary>
    internal sealed class PackedPostings(ArraySegment<long> postings) : IReadOnlyList<Posting>
    {
        public int Count => postings.Count;

        /// <summary>The postings as packed (<see cref="Lunr.PackedIndexByTerm"/>), documents ascending, for readers that go through them all.</summary>
        public ReadOnlySpan<long> Packed => postings;

        public Posting this[int index] => new(Lunr.PackedIndexByTerm.Document(postings[index]), Lunr.PackedIndexByTerm.Weight(postings[index]));

        public IEnumerator<Posting> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    static int DocumentNumber(string reference) =>
        int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"search shards need document refs 0..N-1, found ref '{reference}'");
}
