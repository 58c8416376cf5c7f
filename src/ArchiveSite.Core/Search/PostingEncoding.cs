using System.Text;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Search;

/// <summary>
/// Writes non-negative integers with no separators in the 93 printable ASCII characters that need no escape
/// in a JavaScript string literal (all but '"' and '\\'): the last digit of a number is one of the first
/// <see cref="LastDigits"/> characters of the alphabet (base 46), earlier digits are among the rest (base 47).
/// So the typical posting numbers (weight gaps, counts, document gaps; see <see cref="ShardWriter"/>) take one or two
/// characters. search-core.js decodes it (decodeNumbers).
/// </summary>
public static class PostingEncoding
{
    const int LastDigits = 46;
    const int EarlierDigits = 47;

    public static void Append(StringBuilder text, long number)
    {
        Span<byte> digits = stackalloc byte[MaxDigits];
        foreach (var digit in digits[..Write(digits, number)]) text.Append((char)digit);
    }

    /// <summary>The most characters a number takes (a long's largest, in base 47 after the last digit).</summary>
    public const int MaxDigits = 13;

    /// <summary>Writes the number's characters (ASCII, so also its UTF-8 bytes) at the start of <paramref name="destination"/>, which holds at least <see cref="MaxDigits"/>; returns how many.</summary>
    // Inlined into the shard writer's loop, which writes several million of these numbers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> destination, long number)
    {
        if (number < 0) throw new ArgumentOutOfRangeException(nameof(number), number, "only non-negative numbers are encoded");
        var digits = Alphabet;
        if (number < LastDigits)
        {
            destination[0] = digits[(int)number];
            return 1;
        }
        // Most weight gaps and document gaps take two characters.
        if (number < LastDigits * EarlierDigits)
        {
            destination[0] = digits[LastDigits + (int)number / LastDigits];
            destination[1] = digits[(int)number % LastDigits];
            return 2;
        }
        var length = 1;
        for (var rest = number / LastDigits; rest > 0; rest /= EarlierDigits) length++;
        destination[length - 1] = digits[(int)(number % LastDigits)];
        number /= LastDigits;
        for (var at = length - 2; at >= 0; at--, number /= EarlierDigits)
            destination[at] = digits[LastDigits + (int)(number % EarlierDigits)];
        return length;
    }

    static ReadOnlySpan<byte> Alphabet => " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8;

    public static IReadOnlyList<long> Decode(string text)
    {
        var numbers = new List<long>();
        long value = 0;
        foreach (var c in text)
        {
            var digit = c < 128 ? Alphabet.IndexOf((byte)c) : -1;
            if (digit < 0) throw new FormatException($"'{c}' is not a posting digit");
            if (digit >= LastDigits) value = value * EarlierDigits + digit - LastDigits;
            else
            {
                numbers.Add(value * LastDigits + digit);
                value = 0;
            }
        }
        return numbers;
    }

    /// <summary>
    /// A lunr weight as thousandths. lunr rounds weights to Math.round(x * 1000) / 1000, so the browser's
    /// k / 1000 is the very same double; anything else is refused rather than silently changed.
    /// </summary>
    public static long Thousandths(double weight)
    {
        var thousandths = (long)Math.Round(weight * 1000, MidpointRounding.AwayFromZero);
        if (thousandths < 0 || thousandths / 1000.0 != weight)
            throw new ArgumentException($"weight {weight:R} is not a non-negative multiple of 0.001 as lunr writes it", nameof(weight));
        return thousandths;
    }
}
