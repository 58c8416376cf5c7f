using System.Text;
using ArchiveSite.Model;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Ingest.Decoding;

/// <summary>
/// Turns a file's bytes into text. Transcripts arrive as UTF-8 (with or without BOM), now and then as
/// UTF-16 or as Windows-1252 from older tools; anything else, or binary data, is reported, never thrown.
/// </summary>
public static class TextDecoder
{
    static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(string file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return Unreadable(file, 1, "the file is empty");

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8(file, bytes[3..], "utf-8-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Text(file, Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Text(file, Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
            return Unreadable(file, LineAt(bytes, nul), "the file is not text (it contains NUL bytes)");

        return DecodeUtf8(file, bytes, "utf-8");
    }

    static DecodedText DecodeUtf8(string file, ReadOnlySpan<byte> bytes, string name)
    {
        var invalidAt = FirstInvalidUtf8(bytes);
        if (invalidAt < 0)
            return Text(file, StrictUtf8.GetString(bytes), name);

        var diagnostic = new Diagnostic(Severity.Warning, file, LineAt(bytes, invalidAt),
            "the file is not valid UTF-8 here; read it as Windows-1252 (save it as UTF-8 to silence this)");
        var text = NormaliseLineEndings(Windows1252.Encoding.GetString(bytes));
        if (LooksBinary(text))
            return Unreadable(file, LineAt(bytes, invalidAt), "the file is not text (too many control characters)");
        return new DecodedText(text, "windows-1252", [diagnostic]);
    }

    static DecodedText Text(string file, string text, string name)
    {
        text = NormaliseLineEndings(text);
        return LooksBinary(text)
            ? Unreadable(file, 1, "the file is not text (too many control characters)")
            : new DecodedText(text, name, []);
    }

    static DecodedText Unreadable(string file, int line, string message) =>
        new(null, "none", [new Diagnostic(Severity.Error, file, line, message)]);

    static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        // Nearly every file is valid: check without decoding into a buffer as large as the file.
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return -1;
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _,
            replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    /// <summary>Control characters other than tab, newline, carriage return and form feed mark binary data.</summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool LooksBinary(string text)
    {
        var controls = 0;
        foreach (var c in text)
            if (c < ' ' && c is not '\t' and not '\n' and not '\r' and not '\f' || c == '\0')
                controls++;
        return controls > 8 && controls * 100 > text.Length;
    }

    static string NormaliseLineEndings(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    /// <summary>
    /// Made on first use: loading the code page tables (and JIT-compiling their reader, about 15 methods in a fresh
    /// process) is for the rare file that is not UTF-8.
    /// </summary>
    static class Windows1252
    {
        public static readonly Encoding Encoding = Create();

        static Encoding Create()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }
}
