namespace Lunr;

/// <summary>
/// Writes an index in lunr.js's serialised format with JavaScript's key order: a field vector is
/// <c>["field/docRef",[termIndex,weight,...]]</c>, a posting <c>{"_index":n,"field":{"docRef":{},...},...}</c>
/// with every field present.
/// </summary>
internal sealed class IndexJsonWriter(JavaScriptJsonWriter writer, IReadOnlyList<string> fields)
{
    const string TermIndexKey = "_index";

    // Object.create(null) receives "_index" first, then the fields; integer-like field names still go first.
    readonly IReadOnlyList<int?> postingKeys = JavaScriptObjectKeys.Order(
        [null, .. Enumerable.Range(0, fields.Count).Select(i => (int?)i)],
        field => field is { } i ? fields[i] : TermIndexKey);

    char[] fieldRefBuffer = new char[256];

    public void WriteIndex(Index index)
    {
        writer.WriteRaw("{\"version\":"u8);
        writer.WriteString(Index.Version);
        writer.WriteRaw(",\"fields\":"u8);
        WriteStrings(index.Fields);
        writer.WriteRaw(",\"fieldVectors\":["u8);
        WriteItems(index.Vectors.Count, slot => WriteFieldVector(index, slot));
        writer.WriteRaw("],\"invertedIndex\":["u8);
        var docRefs = EncodedDocRefs(index.Refs);
        WriteItems(index.TermIndexesInOrder.Length, i => WriteInvertedIndexEntry(index, index.TermIndexesInOrder[i], docRefs));
        writer.WriteRaw("],\"pipeline\":"u8);
        WriteStrings(index.Pipeline);
        writer.WriteRaw((byte)'}');
    }

    void WriteItems(int count, Action<int> writeItem)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0) writer.WriteRaw((byte)',');
            writeItem(i);
        }
    }

    /// <summary><c>["field/docRef",[termIndex,weight,...]]</c></summary>
    void WriteFieldVector(Index index, int slot)
    {
        writer.WriteRaw((byte)'[');
        WriteFieldRef(fields[slot % fields.Count], index.Refs[slot / fields.Count]);
        writer.WriteRaw(",["u8);
        var elements = index.Vectors[slot].AsSpan();
        for (var i = 0; i < elements.Length; i++)
        {
            if (i > 0) writer.WriteRaw((byte)',');
            writer.WriteInteger(elements[i].TermIndex);
            writer.WriteRaw((byte)',');
            writer.WriteNumber(elements[i].Weight);
        }
        writer.WriteRaw("]]"u8);
    }

    // FieldRef.ToString() without a string per vector.
    void WriteFieldRef(string field, string docRef)
    {
        var length = field.Length + 1 + docRef.Length;
        if (fieldRefBuffer.Length < length)
            fieldRefBuffer = new char[length * 2];
        field.CopyTo(fieldRefBuffer);
        fieldRefBuffer[field.Length] = FieldRef.Joiner;
        docRef.CopyTo(fieldRefBuffer.AsSpan(field.Length + 1));
        writer.WriteString(fieldRefBuffer.AsSpan(0, length));
    }

    /// <summary><c>["term",{"_index":n,"field":{"docRef":{}},...}]</c></summary>
    void WriteInvertedIndexEntry(Index index, int term, byte[][]? encodedDocRefs)
    {
        writer.WriteRaw((byte)'[');
        writer.WriteString(index.TermsByIndex[term]);
        writer.WriteRaw(",{"u8);
        var first = true;
        foreach (var key in postingKeys)
        {
            if (!first) writer.WriteRaw((byte)',');
            first = false;
            if (key is not { } field)
            {
                writer.WriteRaw("\"_index\":"u8);
                writer.WriteInteger(term);
                continue;
            }
            writer.WriteString(fields[field]);
            writer.WriteRaw(":{"u8);
            WriteDocRefs(index.Postings[field, term], index.Refs, encodedDocRefs);
            writer.WriteRaw((byte)'}');
        }
        writer.WriteRaw("}]"u8);
    }

    void WriteDocRefs(ReadOnlySpan<int> refIds, string[] refs, byte[][]? encodedDocRefs)
    {
        if (encodedDocRefs is not null)
        {
            for (var i = 0; i < refIds.Length; i++)
            {
                if (i > 0) writer.WriteRaw((byte)',');
                writer.WriteRaw(encodedDocRefs[refIds[i]]);
            }
            return;
        }
        var ordered = JavaScriptObjectKeys.Order(refIds.ToArray(), id => refs[id]);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0) writer.WriteRaw((byte)',');
            writer.WriteString(refs[ordered[i]]);
            writer.WriteRaw(":{}"u8);
        }
    }

    // The same few thousand refs fill nearly all of the inverted index, so each is escaped and encoded once as
    // its whole `"ref":{}`; only when no ref is an array index, since then insertion order is JavaScript's order.
    static byte[][]? EncodedDocRefs(string[] refs) =>
        refs.Any(r => JavaScriptObjectKeys.IsArrayIndex(r, out _)) ? null : JavaScriptJsonWriter.Encode(refs, ":{}"u8);

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
