using System.Text;

namespace Lunr;

/// <summary>
/// lunr.Index as built (no query engine: the browser runs lunr.js). Holds exactly what
/// <c>Index.prototype.toJSON</c> serialises, in the order it serialises it.
/// </summary>
public sealed class Index(
    IReadOnlyList<string> fields,
    IReadOnlyList<FieldVector> fieldVectors,
    IReadOnlyList<InvertedIndexEntry> invertedIndex,
    IReadOnlyList<string> pipeline)
{
    /// <summary>The lunr.js version whose format this is; <c>lunr.Index.load</c> warns on any other.</summary>
    public const string Version = "2.3.9";

    /// <summary>Field names, in lunr's order (definition order, integer-like names first as JavaScript orders keys).</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>One vector per field of each document, documents in the order they were first added.</summary>
    public IReadOnlyList<FieldVector> FieldVectors { get; } = fieldVectors;

    /// <summary>Every term with its posting, sorted by UTF-16 code units as JavaScript's default sort does.</summary>
    public IReadOnlyList<InvertedIndexEntry> InvertedIndex { get; } = invertedIndex;

    /// <summary>Labels of the search pipeline (<c>["stemmer"]</c> by default).</summary>
    public IReadOnlyList<string> Pipeline { get; } = pipeline;

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
}
