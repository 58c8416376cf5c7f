using System.Text;

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
    const string Alphabet = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    const int LastDigits = 46;
    const int EarlierDigits = 47;

    public static void Append(StringBuilder text, long number)
    {
        if (number < 0) throw new ArgumentOutOfRangeException(nameof(number), number, "only non-negative numbers are encoded");
        Span<char> digits = stackalloc char[13];
        var at = digits.Length;
        digits[--at] = Alphabet[(int)(number % LastDigits)];
        for (number /= LastDigits; number > 0; number /= EarlierDigits) digits[--at] = Alphabet[LastDigits + (int)(number % EarlierDigits)];
        text.Append(digits[at..]);
    }

    public static IReadOnlyList<long> Decode(string text)
    {
        var numbers = new List<long>();
        long value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c);
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
