using System.Text;

namespace Lunr;

/// <summary>
/// lunr.Index as built (no query engine: the browser runs lunr.js). Holds exactly what
/// <c>Index.prototype.toJSON</c> serialises, in the order it serialises it, in flat tables; the vectors and
/// postings are made as objects only when read.
/// </summary>
public sealed class Index
{
    internal Index(
        IReadOnlyList<string> fields,
        string[] refs,
        FieldVectorTable vectors,
        string[] termsByIndex,
        int[] termIndexesInOrder,
        PostingLists postings,
        IReadOnlyList<string> pipeline)
    {
        Fields = fields;
        Refs = refs;
        Vectors = vectors;
        TermsByIndex = termsByIndex;
        TermIndexesInOrder = termIndexesInOrder;
        Postings = postings;
        Pipeline = pipeline;
        FieldVectors = new ListView<FieldVector>(vectors.Count, slot =>
            new FieldVector(new FieldRef(fields[slot % fields.Count], refs[slot / fields.Count]), new Vector(vectors[slot])));
        InvertedIndex = new ListView<InvertedIndexEntry>(termIndexesInOrder.Length, i => Entry(termIndexesInOrder[i]));
    }

    /// <summary>The lunr.js version whose format this is; <c>lunr.Index.load</c> warns on any other.</summary>
    public const string Version = "2.3.9";

    /// <summary>Field names, in lunr's order (definition order, integer-like names first as JavaScript orders keys).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>One vector per field of each document, documents in the order they were first added.</summary>
    public IReadOnlyList<FieldVector> FieldVectors { get; }

    /// <summary>Every term with its posting, sorted by UTF-16 code units as JavaScript's default sort does.</summary>
    public IReadOnlyList<InvertedIndexEntry> InvertedIndex { get; }

    /// <summary>Labels of the search pipeline (<c>["stemmer"]</c> by default).</summary>
    public IReadOnlyList<string> Pipeline { get; }

    /// <summary>Distinct refs in order of first add; field vector slot s is field s % Fields.Count of ref s / Fields.Count.</summary>
    internal string[] Refs { get; }

    internal FieldVectorTable Vectors { get; }

    /// <summary>Terms by <c>_index</c>.</summary>
    internal string[] TermsByIndex { get; }

    /// <summary>Term indexes in the inverted index's (sorted) order.</summary>
    internal int[] TermIndexesInOrder { get; }

    internal PostingLists Postings { get; }

    /// <summary>The JSON <c>JSON.stringify(index)</c> gives in lunr.js, as UTF-8.</summary>
    public void WriteJson(Stream stream)
    {
        using var writer = new JavaScriptJsonWriter(stream);
        new IndexJsonWriter(writer, Fields).WriteIndex(this);
    }

    public string ToJson()
    {
        using var memory = new MemoryStream();
        WriteJson(memory);
        return Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
    }

    InvertedIndexEntry Entry(int term)
    {
        var refsByField = new IReadOnlyList<string>[Fields.Count];
        for (var f = 0; f < refsByField.Length; f++)
            refsByField[f] = new DocRefList(Postings[f, term], Refs);
        return new InvertedIndexEntry(TermsByIndex[term], new Posting(term, refsByField));
    }
}
