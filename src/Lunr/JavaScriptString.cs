using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// The few JavaScript string semantics lunr.js relies on, reproduced exactly: <c>toLowerCase()</c> (full
/// Unicode special casing, which .NET's invariant lowercasing lacks) and the <c>\s</c> character class
/// (which is neither .NET's <c>char.IsWhiteSpace</c> nor its ECMAScript-mode regex class).
/// </summary>
public static class JavaScriptString
{
    const char CapitalIWithDotAbove = '\u0130';
    const char CapitalSigma = '\u03A3';
    const char FinalSigma = '\u03C2';

    /// <summary>JavaScript <c>\s</c>: WhiteSpace and LineTerminator code points (ECMA-262), including U+FEFF but not U+0085.</summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' => true,
        >= '\u2000' and <= '\u200A' => true,
        '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        _ => false,
    };

    /// <summary>JavaScript <c>String.prototype.toLowerCase()</c>: locale-independent, with U+0130 and final sigma special-cased.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ToLowerCase(string text)
    {
        var lowered = text.ToLowerInvariant();
        if (text.AsSpan().IndexOfAny(CapitalIWithDotAbove, CapitalSigma) < 0)
            return lowered;
        return ApplySpecialCasing(text, lowered);
    }

    /// <summary>
    /// <see cref="ToLowerCase(string)"/> into <paramref name="buffer"/> (grown as needed) when no special casing
    /// applies, sparing an allocation per call; otherwise a new string.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<char> ToLowerCase(string text, ref char[] buffer)
    {
        if (text.AsSpan().IndexOfAny(CapitalIWithDotAbove, CapitalSigma) >= 0)
            return ToLowerCase(text);
        if (buffer.Length < text.Length)
            buffer = new char[Math.Max(text.Length, buffer.Length * 2)];
        var length = text.AsSpan().ToLowerInvariant(buffer);
        return buffer.AsSpan(0, length);
    }

    // ToLowerInvariant maps one UTF-16 unit to one, so positions in `lowered` match those in `text`.
    static string ApplySpecialCasing(string text, string lowered)
    {
        var result = new StringBuilder(lowered.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == CapitalIWithDotAbove)
                result.Append("i\u0307");
            else if (c == CapitalSigma && IsFinalSigmaContext(text, i))
                result.Append(FinalSigma);
            else
                result.Append(lowered[i]);
        }
        return result.ToString();
    }

    // Unicode Final_Sigma: preceded by a cased letter and not followed by one, skipping case-ignorables.
    static bool IsFinalSigmaContext(string text, int sigmaIndex) =>
        IsCasedBefore(text, sigmaIndex) && !IsCasedAfter(text, sigmaIndex + 1);

    static bool IsCasedBefore(string text, int end)
    {
        while (end > 0)
        {
            var rune = RuneBefore(text, end);
            end -= rune.Utf16SequenceLength;
            if (!IsCaseIgnorable(rune))
                return IsCased(rune);
        }
        return false;
    }

    static bool IsCasedAfter(string text, int start)
    {
        while (start < text.Length)
        {
            var rune = Rune.DecodeFromUtf16(text.AsSpan(start), out var decoded, out _) == System.Buffers.OperationStatus.Done
                ? decoded
                : Rune.ReplacementChar;
            start += Math.Max(1, rune.Utf16SequenceLength);
            if (!IsCaseIgnorable(rune))
                return IsCased(rune);
        }
        return false;
    }

    static Rune RuneBefore(string text, int end) =>
        Rune.DecodeLastFromUtf16(text.AsSpan(0, end), out var rune, out _) == System.Buffers.OperationStatus.Done
            ? rune
            : Rune.ReplacementChar;

    static bool IsCased(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter)
            return true;
        // Other_Lowercase / Other_Uppercase code points that are not letters of those categories.
        var v = rune.Value;
        return v is 0xAA or 0xBA or 0x345 or 0x37A or 0x2071 or 0x207F or 0xA770
            || v is >= 0x2B0 and <= 0x2B8 || v is >= 0x2C0 and <= 0x2C1 || v is >= 0x2E0 and <= 0x2E4
            || v is >= 0x1D2C and <= 0x1D6A || v is >= 0x1D9B and <= 0x1DBF || v is >= 0x2090 and <= 0x209C
            || v is >= 0x2160 and <= 0x217F || v is >= 0x24B6 and <= 0x24E9 || v is >= 0x1F130 and <= 0x1F189;
    }

    static bool IsCaseIgnorable(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol)
            return true;
        // Word_Break MidLetter, MidNumLet and Single_Quote.
        return rune.Value is '\'' or '.' or ':' or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019 or 0x2024
            or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
    }
}
