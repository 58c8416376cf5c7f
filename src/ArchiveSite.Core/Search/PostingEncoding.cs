using System.Text;

namespace ArchiveSite.Search;

/// <summary>
/// Writes non-negative integers as base-32 digits with no separators: the last digit of a number comes
/// from the first 32 characters of the alphabet, earlier digits from the last 32. Every character is safe
/// inside a JavaScript string literal. search-core.js decodes it (decodeNumbers).
/// </summary>
public static class PostingEncoding
{
    const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";

    public static void Append(StringBuilder text, long number)
    {
        if (number < 0) throw new ArgumentOutOfRangeException(nameof(number), number, "only non-negative numbers are encoded");
        Span<char> digits = stackalloc char[13];
        var at = digits.Length;
        digits[--at] = Alphabet[(int)(number & 31)];
        for (number >>= 5; number > 0; number >>= 5) digits[--at] = Alphabet[32 + (int)(number & 31)];
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
            if (digit >= 32) value = value * 32 + digit - 32;
            else
            {
                numbers.Add(value * 32 + digit);
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
