namespace Lunr;

/// <summary>
/// Writes an index, or pieces of one (for shards), in lunr.js's serialised format with JavaScript's key
/// order: a posting is <c>{"_index":n,"field":{"docRef":{},...},...}</c>, every field present.
/// </summary>
public sealed class IndexJsonWriter(JavaScriptJsonWriter writer, IReadOnlyList<string> fields)
{
    const string TermIndexKey = "_index";

    // Object.create(null) receives "_index" first, then the fields; integer-like field names still go first.
    readonly IReadOnlyList<int?> postingKeys = JavaScriptObjectKeys.Order(
        [null, .. Enumerable.Range(0, fields.Count).Select(i => (int?)i)],
        field => field is { } i ? fields[i] : TermIndexKey);

    public void WriteIndex(Index index)
    {
        writer.WriteRaw("{\"version\":"u8);
        writer.WriteString(Index.Version);
        writer.WriteRaw(",\"fields\":"u8);
        WriteStrings(index.Fields);
        writer.WriteRaw(",\"fieldVectors\":["u8);
        for (var i = 0; i < index.FieldVectors.Count; i++)
        {
            if (i > 0) writer.WriteRaw((byte)',');
            WriteFieldVector(index.FieldVectors[i]);
        }
        writer.WriteRaw("],\"invertedIndex\":["u8);
        for (var i = 0; i < index.InvertedIndex.Count; i++)
        {
            if (i > 0) writer.WriteRaw((byte)',');
            WriteInvertedIndexEntry(index.InvertedIndex[i]);
        }
        writer.WriteRaw("],\"pipeline\":"u8);
        WriteStrings(index.Pipeline);
        writer.WriteRaw((byte)'}');
    }

    /// <summary><c>["field/docRef",[termIndex,weight,...]]</c></summary>
    public void WriteFieldVector(FieldVector fieldVector)
    {
        writer.WriteRaw((byte)'[');
        writer.WriteString(fieldVector.FieldRef.ToString());
        writer.WriteRaw(",["u8);
        var elements = fieldVector.Vector.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0) writer.WriteRaw((byte)',');
            writer.WriteInteger(elements[i].TermIndex);
            writer.WriteRaw((byte)',');
            writer.WriteNumber(elements[i].Weight);
        }
        writer.WriteRaw("]]"u8);
    }

    /// <summary><c>["term",{"_index":n,"field":{"docRef":{}},...}]</c></summary>
    public void WriteInvertedIndexEntry(InvertedIndexEntry entry)
    {
        writer.WriteRaw((byte)'[');
        writer.WriteString(entry.Term);
        writer.WriteRaw(",{"u8);
        var first = true;
        foreach (var key in postingKeys)
        {
            if (!first) writer.WriteRaw((byte)',');
            first = false;
            if (key is not { } field)
            {
                writer.WriteRaw("\"_index\":"u8);
                writer.WriteInteger(entry.Posting.Index);
                continue;
            }
            writer.WriteString(fields[field]);
            writer.WriteRaw(":{"u8);
            WriteDocRefs(entry.Posting.DocRefsByField[field]);
            writer.WriteRaw((byte)'}');
        }
        writer.WriteRaw("}]"u8);
    }

    void WriteDocRefs(IReadOnlyList<string> docRefs)
    {
        if (docRefs.Count == 0)
            return;
        if (docRefs is DocRefList { RefIds: var refIds } list && EncodedDocRefs(list.Refs) is { } encoded)
        {
            for (var i = 0; i < refIds.Count; i++)
            {
                if (i > 0) writer.WriteRaw((byte)',');
                writer.WriteRaw(encoded[refIds[i]]);
            }
            return;
        }
        var ordered = JavaScriptObjectKeys.Order(docRefs, docRef => docRef);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0) writer.WriteRaw((byte)',');
            writer.WriteString(ordered[i]);
            writer.WriteRaw(":{}"u8);
        }
    }

    // The same few thousand refs fill nearly all of the inverted index, so each is escaped and encoded once as
    // its whole `"ref":{}`; only when no ref is an array index, since then insertion order is JavaScript's order.
    string[]? encodedRefsSource;
    byte[][]? encodedRefs;

    byte[][]? EncodedDocRefs(string[] refs)
    {
        if (ReferenceEquals(refs, encodedRefsSource))
            return encodedRefs;
        encodedRefsSource = refs;
        encodedRefs = refs.Any(r => JavaScriptObjectKeys.IsArrayIndex(r, out _))
            ? null
            : JavaScriptJsonWriter.Encode(refs, ":{}"u8);
        return encodedRefs;
    }

    void WriteStrings(IReadOnlyList<string> values)
    {
        writer.WriteRaw((byte)'[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) writer.WriteRaw((byte)',');
            writer.WriteString(values[i]);
        }
        writer.WriteRaw((byte)']');
    }
}
