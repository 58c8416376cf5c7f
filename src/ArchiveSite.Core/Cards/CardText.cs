using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Cards;

/// <summary>
/// Text as it goes on a card: one paragraph, no control or format characters. Combining marks stay as they
/// are (normalisation is unavailable under invariant globalization); the fonts draw them as zero-width marks.
/// </summary>
internal static class CardText
{
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
                continue;
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.AppendRune(rune);
        }
        return TypographicApostrophes(builder.ToString());
    }

    /// <summary>Appends the rune's one or two UTF-16 units, without making a string of them first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StringBuilder AppendRune(this StringBuilder builder, Rune rune)
    {
        Span<char> units = stackalloc char[2];
        return builder.Append(units[..rune.EncodeToUtf16(units)]);
    }

    /// <summary>"doesn't" set as "doesn’t": a typewriter apostrophe between letters looks out of place at card size.</summary>
    static string TypographicApostrophes(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 1; i < chars.Length - 1; i++)
            if (chars[i] == '\'' && char.IsLetter(chars[i - 1]) && char.IsLetter(chars[i + 1]))
                chars[i] = '\u2019';
        return new string(chars);
    }

    /// <summary>The code points drawn for <paramref name="text"/> (spaces excluded).</summary>
    public static IEnumerable<int> CodePoints(string text) =>
        Clean(text).EnumerateRunes().Where(r => r.Value != ' ').Select(r => r.Value);

    /// <summary>
    /// Ideographic scripts wrap between any two characters; spaces are not their word separators.
    /// Hangul is excluded because Korean separates words with spaces.
    /// </summary>
    public static bool BreaksAnywhere(int c) =>
        c is >= 0x2E80 and <= 0x303F or >= 0x3040 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF
            or >= 0xFF00 and <= 0xFF60 or >= 0x20000 and <= 0x3FFFF;

    /// <summary>Punctuation that must not start a line (kinsoku): it stays with the character before.</summary>
    public static bool IsClosing(int c) =>
        "、。，．：；！？）」』】〕〉》〗〙〛｝］,.:;!?)]}…—ー々ゝゞ".Contains(char.ConvertFromUtf32(c), StringComparison.Ordinal);

    /// <summary>Punctuation that must not end a line: it stays with the character after.</summary>
    public static bool IsOpening(int c) =>
        "（「『【〔〈《〖〘〚｛［([{".Contains(char.ConvertFromUtf32(c), StringComparison.Ordinal);
}
