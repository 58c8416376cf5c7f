using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// Writes UTF-8 JSON byte-for-byte as JavaScript's <c>JSON.stringify</c> does: only '"', '\', control
/// characters and lone surrogates are escaped (non-ASCII, '&lt;' and U+2028 are written as they are), and
/// numbers are formatted like <c>Number.prototype.toString</c>. Separators are written by the caller.
/// </summary>
public sealed class JavaScriptJsonWriter(Stream stream) : IDisposable
{
    const int BufferSize = 1 << 16;
    const int LongestEscape = 6;
    const int LongestInteger = 20;
    static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

    readonly byte[] buffer = new byte[BufferSize];
    int used;

    public void WriteRaw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > buffer.Length - used)
        {
            Flush();
            if (utf8.Length > buffer.Length)
            {
                stream.Write(utf8);
                return;
            }
        }
        utf8.CopyTo(buffer.AsSpan(used));
        used += utf8.Length;
    }

    public void WriteRaw(byte b)
    {
        if (used == buffer.Length)
            Flush();
        buffer[used++] = b;
    }

    public void WriteString(string value) => WriteString(value.AsSpan());

    public void WriteString(ReadOnlySpan<char> value)
    {
        WriteRaw((byte)'"');
        var text = value;
        while (!text.IsEmpty)
        {
            var plain = LengthOfPlainRun(text);
            WritePlain(text[..plain]);
            text = text[plain..];
            if (text.IsEmpty)
                break;
            if (char.IsHighSurrogate(text[0]) && text.Length > 1 && char.IsLowSurrogate(text[1]))
            {
                WritePlain(text[..2]);
                text = text[2..];
            }
            else
            {
                WriteEscape(text[0]);
                text = text[1..];
            }
        }
        WriteRaw((byte)'"');
    }

    /// <summary>For each value, the bytes <see cref="WriteString"/> writes for it followed by <paramref name="suffix"/>.</summary>
    public static byte[][] Encode(IReadOnlyList<string> values, ReadOnlySpan<byte> suffix)
    {
        using var memory = new MemoryStream();
        var writer = new JavaScriptJsonWriter(memory);
        var encoded = new byte[values.Count][];
        for (var i = 0; i < encoded.Length; i++)
        {
            writer.WriteString(values[i]);
            writer.WriteRaw(suffix);
            writer.Flush();
            encoded[i] = memory.ToArray();
            memory.SetLength(0);
        }
        return encoded;
    }

    public void WriteNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            WriteRaw("null"u8);
            return;
        }
        if (IsWholeThousandths(value, out var thousandths))
        {
            WriteThousandths(thousandths);
            return;
        }
        WriteAscii(JavaScriptNumber.ToString(value));
    }

    public void WriteInteger(long value)
    {
        // Formatted straight into the buffer: millions of vector elements and term indexes are written.
        if (buffer.Length - used < LongestInteger)
            Flush();
        value.TryFormat(buffer.AsSpan(used), out var length, default, CultureInfo.InvariantCulture);
        used += length;
    }

    public void Flush()
    {
        stream.Write(buffer, 0, used);
        used = 0;
    }

    public void Dispose() => Flush();

    static int LengthOfPlainRun(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 || c == '"' || c == '\\' || char.IsSurrogate(c))
                return i;
        }
        return text.Length;
    }

    void WritePlain(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            // A chunk of at most a quarter buffer always fits once flushed (3 bytes per UTF-16 unit at most);
            // the cut must not split a surrogate pair.
            var chunk = Math.Min(text.Length, BufferSize / 4);
            if (chunk < text.Length && char.IsHighSurrogate(text[chunk - 1]))
                chunk--;
            if (buffer.Length - used < chunk * 3)
                Flush();
            used += Encoding.UTF8.GetBytes(text[..chunk], buffer.AsSpan(used));
            text = text[chunk..];
        }
    }

    void WriteEscape(char c)
    {
        if (buffer.Length - used < LongestEscape)
            Flush();
        var shortForm = c switch
        {
            '"' => '"', '\\' => '\\', '\b' => 'b', '\f' => 'f', '\n' => 'n', '\r' => 'r', '\t' => 't', _ => '\0',
        };
        buffer[used++] = (byte)'\\';
        if (shortForm != '\0')
        {
            buffer[used++] = (byte)shortForm;
            return;
        }
        buffer[used++] = (byte)'u';
        for (var shift = 12; shift >= 0; shift -= 4)
            buffer[used++] = HexDigits[(c >> shift) & 0xF];
    }

    void WriteAscii(string text)
    {
        foreach (var c in text)
            WriteRaw((byte)c);
    }

    // lunr's weights are Math.round(score * 1000) / 1000; their shortest form is the integer's digits with a
    // decimal point three places from the right, trailing zeros dropped. Checked, not assumed, per value.
    static bool IsWholeThousandths(double value, out long thousandths)
    {
        thousandths = 0;
        if (Math.Abs(value) >= 1e12)
            return false;
        var scaled = Math.Round(value * 1000);
        if (scaled / 1000 != value)
            return false;
        thousandths = (long)scaled;
        return true;
    }

    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void WriteThousandths(long thousandths)
    {
        if (thousandths < 0)
        {
            WriteRaw((byte)'-');
            thousandths = -thousandths;
        }
        WriteInteger(thousandths / 1000);
        var fraction = (int)(thousandths % 1000);
        if (fraction == 0)
            return;
        if (buffer.Length - used < 4)
            Flush();
        buffer[used++] = (byte)'.';
        buffer[used++] = (byte)('0' + fraction / 100);
        if (fraction % 100 == 0)
            return;
        buffer[used++] = (byte)('0' + fraction / 10 % 10);
        if (fraction % 10 == 0)
            return;
        buffer[used++] = (byte)('0' + fraction % 10);
    }
}
