using System.Text;
using Lunr.Tests.Support;

namespace Lunr.Tests;

/// <summary>Numbers, rounding and JSON strings, compared with the JavaScript engine lunr.js runs on.</summary>
public sealed class JavaScriptFormattingTests
{
    static readonly double[] Numbers =
    [
        0, -0.0, 1, -1, 0.5, 0.001, 0.331, 1.5, 123.456, 1e21, 1e20, 123456789012345680000.0, 1e-6, 1e-7, 1.5e-7,
        0.1 + 0.2, 1.0 / 3, 2.0 / 3 * 1000, 5e-324, double.MaxValue, double.Epsilon * 3, 4.35, 12345.678, 1e15, 1e16,
        -2.5e-8, 999999999999.999, 0.000123, 100, 7.000000000000001,
    ];

    [Fact]
    public void Formats_numbers_like_javascript()
    {
        var lunr = new LunrJs();
        var expected = Numbers.Select(n => lunr.Evaluate($"String({n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})"));

        Assert.Equal(expected, Numbers.Select(JavaScriptNumber.ToString));
    }

    [Fact]
    public void Writes_json_numbers_like_json_stringify()
    {
        var lunr = new LunrJs();
        var literals = string.Join(",", Numbers.Select(n => n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var expected = lunr.Evaluate($"JSON.stringify([{literals}, 1/0, 0/0])");

        var actual = Write(writer =>
        {
            writer.WriteRaw((byte)'[');
            foreach (var n in Numbers.Append(double.PositiveInfinity).Append(double.NaN).Select((n, i) => (n, i)))
            {
                if (n.i > 0) writer.WriteRaw((byte)',');
                writer.WriteNumber(n.n);
            }
            writer.WriteRaw((byte)']');
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Rounds_like_math_round()
    {
        double[] values = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.4999999999999991, -0.49999999999999994, 330.5, 1e16 + 2, -7.2];
        var lunr = new LunrJs();
        var expected = values.Select(v => lunr.Evaluate($"String(Math.round({v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}))"));

        Assert.Equal(expected, values.Select(v => JavaScriptNumber.ToString(JavaScriptNumber.Round(v))));
    }

    [Fact]
    public void Writes_json_strings_like_json_stringify()
    {
        string[] values = ["plain", "quote\" back\\slash", "\b\f\n\r\t\u0001\u001f\u007f", "<script>&'", "é 日本 😀 \u2028\u2029",
            "lone \ud800 high", "lone \udc00 low", "pair \ud83d\ude00 ok", "\ud83d", new string('x', 70_000) + "é😀"];
        var lunr = new LunrJs();
        lunr.SetStrings("values", values);
        var expected = lunr.Evaluate("JSON.stringify(values)");

        var actual = Write(writer =>
        {
            writer.WriteRaw((byte)'[');
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0) writer.WriteRaw((byte)',');
                writer.WriteString(values[i]);
            }
            writer.WriteRaw((byte)']');
        });

        JsonAssert.Identical(expected, actual);
    }

    static string Write(Action<JavaScriptJsonWriter> write)
    {
        using var memory = new MemoryStream();
        using (var writer = new JavaScriptJsonWriter(memory))
            write(writer);
        return Encoding.UTF8.GetString(memory.ToArray());
    }
}
