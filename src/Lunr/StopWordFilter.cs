namespace Lunr;

/// <summary>lunr.stopWordFilter: drops the 119 English stop words of lunr.js (exact, case-sensitive match).</summary>
public static class StopWordFilter
{
    public const string Label = "stopWordFilter";

    static readonly HashSet<string> StopWords = new(
        """
        a able about across after all almost also am among an and any are as at be because been but by can
        cannot could dear did do does either else ever every for from get got had has have he her hers him his
        how however i if in into is it its just least let like likely may me might most must my neither no nor
        not of off often on only or other our own rather said say says she should since so some than that the
        their them then there these they this tis to too twas us wants was we were what when where which while
        who whom why will with would yet you your
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsBySpan =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyCollection<string> Words => StopWords;

    public static bool IsStopWord(ReadOnlySpan<char> token) => StopWordsBySpan.Contains(token);

    /// <summary>The token, or null when it is a stop word.</summary>
    public static string? Filter(string token) => IsStopWord(token) ? null : token;
}
