using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ArchiveSite.Text;

namespace ArchiveSite.Search;

/// <summary>
/// Search data as a classic script that hands its payload to ArchiveSearch.loaded, so the page can load it
/// with a script element from file:// (no fetch). The payload is JSON whose encoder still escapes '&lt;',
/// '&gt;', '&amp;', quotes, control characters and the line and paragraph separators, so transcript text cannot
/// end the script or a string, but writes other text as it is (UTF-8, as the pages that load the files declare):
/// the default encoder's \u2019 for each typographic apostrophe took 6 bytes where the character takes 3, in
/// display files a query loads about ten of.
/// </summary>
public static class ScriptData
{
    public static string Call(string kind, int id, string payloadJson) =>
        $"ArchiveSearch.loaded({Quoted(kind)},{id},{payloadJson});\n";

    /// <summary>As <see cref="Call(string, int, string)"/>, its payload and result UTF-8 bytes.</summary>
    public static byte[] Call(string kind, int id, ReadOnlySpan<byte> payloadJson)
    {
        var head = Encoding.UTF8.GetBytes($"ArchiveSearch.loaded({Quoted(kind)},{id},");
        var tail = ");\n"u8;
        var bytes = GC.AllocateUninitializedArray<byte>(head.Length + payloadJson.Length + tail.Length);
        head.CopyTo(bytes, 0);
        payloadJson.CopyTo(bytes.AsSpan(head.Length));
        tail.CopyTo(bytes.AsSpan(head.Length + payloadJson.Length));
        return bytes;
    }

    public static string Call(string kind, string id, string payloadJson) =>
        $"ArchiveSearch.loaded({Quoted(kind)},{Quoted(id)},{payloadJson});\n";

    /// <summary>
    /// As <see cref="Call(string, string, string)"/> with <see cref="Json(Action{Utf8JsonWriter})"/>'s payload, as
    /// UTF-8 bytes written straight into one buffer kept by each thread: no text of the payload is made. For the
    /// display files (42 MB for 1,000 transcripts) going through strings allocated nine times their size.
    /// </summary>
    public static byte[] Call(string kind, string id, Action<Utf8JsonWriter> write)
    {
        var buffer = callBuffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var head = $"ArchiveSearch.loaded({Quoted(kind)},{Quoted(id)},";
        buffer.Advance(Encoding.UTF8.GetBytes(head, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(head.Length))));
        var writer = callWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        write(writer);
        writer.Flush();
        buffer.Write(");\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    static ArrayBufferWriter<byte>? callBuffer;

    [ThreadStatic]
    static Utf8JsonWriter? callWriter;

    /// <summary>
    /// The JSON <paramref name="write"/> writes, with this encoder. Written by hand, not by JsonSerializer: a fresh
    /// process's first serialisation of each type builds its metadata (by reflection, or JIT-compiled generated code),
    /// which cost a one-change rebuild more than the writing itself.
    /// </summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Json(string text) => Json(writer => writer.WriteStringValue(text));

    public static string Json(IEnumerable<string> texts) => Json(writer => writer.WriteStringArray(texts));

    static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>A JSON string with the default encoder's escapes, as JsonSerializer writes a string by default.</summary>
    static string Quoted(string text) => $"\"{JsonEncodedText.Encode(text)}\"";
}
