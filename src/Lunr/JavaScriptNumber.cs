using System.Globalization;
using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>JavaScript number semantics lunr's output depends on: <c>Math.round</c> and <c>Number.prototype.toString</c>.</summary>
public static class JavaScriptNumber
{
    /// <summary><c>Math.round</c>: nearest integer, ties toward +∞ (unlike .NET's banker's or away-from-zero rounding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
            return x;
        var floor = Math.Floor(x);
        // x - floor is exact for every finite double, so this has none of floor(x + 0.5)'s double rounding.
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>Number::toString: shortest round-trip digits, exponent form below 1e-6 and from 1e21.</summary>
    public static string ToString(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return "0";

        var sign = value < 0 ? "-" : "";
        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        return sign + Layout(digits, pointPosition);
    }

    /// <summary>The significant digits and n such that the value is 0.digits × 10^n.</summary>
    static (string Digits, int PointPosition) ShortestDigits(double positive)
    {
        var text = positive.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOf('E');
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var pointAt = mantissa.IndexOf('.');
        var integerDigits = pointAt < 0 ? mantissa.Length : pointAt;
        var allDigits = mantissa.Replace(".", "");
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        return (digits, integerDigits - leadingZeros + exponent);
    }

    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static string Layout(string digits, int n)
    {
        var k = digits.Length;
        if (k <= n && n <= 21)
            return digits + new string('0', n - k);
        if (0 < n && n <= 21)
            return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0)
            return "0." + new string('0', -n) + digits;
        var e = n - 1;
        var exponent = (e < 0 ? "e-" : "e+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return k == 1 ? digits + exponent : digits[..1] + "." + digits[1..] + exponent;
    }
}
