using System.Buffers;

namespace Lunr;

/// <summary>
/// lunr.stemmer: Martin Porter's stemmer exactly as lunr.js 2.3.9 ports it, same steps in the same order,
/// with each of porter.js's regular expressions replaced by code that accepts the same strings (regular
/// expressions cost most of an index build). It does not lowercase. The tests compare it with a
/// transcription of the regular expressions themselves and with lunr.js.
/// </summary>
public static class Stemmer
{
    public const string Label = "stemmer";

    static readonly (string Suffix, string Replacement)[] Step2Suffixes =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ];

    static readonly (string Suffix, string Replacement)[] Step3Suffixes =
        [("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", "")];

    static readonly (string Suffix, string Replacement)[] Step4Suffixes =
    [
        .. new[] { "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize" }
            .Select(suffix => (suffix, "")),
    ];

    public static string Stem(string word)
    {
        if (word.Length < 3)
            return word;

        // A leading y is a consonant: upper-case it so the vowel classes do not match it.
        var startsWithY = word[0] == 'y';
        var w = startsWithY ? "Y" + word[1..] : word;

        w = Step1a(w);
        w = Step1b(w);
        w = Step1c(w);
        w = ReplaceSuffix(w, Step2Suffixes, Measure.AboveZero);
        w = ReplaceSuffix(w, Step3Suffixes, Measure.AboveZero);
        w = Step4(w);
        w = Step5(w);

        return startsWithY ? "y" + w[1..] : w;
    }

    // /^(.+?)(ss|i)es$/ then /^(.+?)([^s])s$/, each replaced by "$1$2": the "es" or the "s" goes.
    static string Step1a(string w)
    {
        if (w.EndsWith("sses", StringComparison.Ordinal) && IsStem(w, w.Length - 4)
            || w.EndsWith("ies", StringComparison.Ordinal) && IsStem(w, w.Length - 3))
            return w[..^2];
        if (w.Length >= 3 && w[^1] == 's' && w[^2] != 's' && IsStem(w, w.Length - 2))
            return w[..^1];
        return w;
    }

    static string Step1b(string w)
    {
        // /^(.+?)eed$/: when it matches, /^(.+?)(ed|ing)$/ is not tried, whatever the measure says.
        if (w.EndsWith("eed", StringComparison.Ordinal) && IsStem(w, w.Length - 3))
            return Measure.AboveZero(w.AsSpan(0, w.Length - 3)) ? w[..^1] : w;

        int stemLength;
        if (w.EndsWith("ed", StringComparison.Ordinal) && IsStem(w, w.Length - 2))
            stemLength = w.Length - 2;
        else if (w.EndsWith("ing", StringComparison.Ordinal) && IsStem(w, w.Length - 3))
            stemLength = w.Length - 3;
        else
            return w;

        var stem = w[..stemLength];
        if (!Measure.HasVowel(stem))
            return w;
        if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
            return stem + "e";
        // /([^aeiouylsz])\1$/: a doubled last letter other than l, s, z (or a vowel, or y) loses one.
        if (stem.Length >= 2 && stem[^1] == stem[^2] && !"aeiouylsz".Contains(stem[^1]))
            return stem[..^1];
        if (Measure.EndsConsonantVowelConsonant(stem))
            return stem + "e";
        return stem;
    }

    // /^(.+?[^aeiou])y$/: a final y after a consonant that is not the first letter becomes i.
    static string Step1c(string w) =>
        w.Length >= 3 && w[^1] == 'y' && !IsVowel(w[^2]) && IsStem(w, w.Length - 2) ? w[..^1] + "i" : w;

    /// <summary>
    /// <c>/^(.+?)(suffix|...)$/</c> then a measure test on the stem: the lazy <c>.+?</c> makes the longest
    /// listed suffix that leaves a stem win, and only that one is tried.
    /// </summary>
    static string ReplaceSuffix(string w, (string Suffix, string Replacement)[] suffixes, Func<ReadOnlySpan<char>, bool> measure)
    {
        var match = -1;
        for (var i = 0; i < suffixes.Length; i++)
        {
            var suffix = suffixes[i].Suffix;
            if (suffix.Length < w.Length && w.EndsWith(suffix, StringComparison.Ordinal)
                && (match < 0 || suffix.Length > suffixes[match].Suffix.Length))
                match = i;
        }
        if (match < 0)
            return w;
        var stemLength = w.Length - suffixes[match].Suffix.Length;
        if (!IsStem(w, stemLength))
            return w;
        return measure(w.AsSpan(0, stemLength)) ? w[..stemLength] + suffixes[match].Replacement : w;
    }

    static string Step4(string w)
    {
        var replaced = ReplaceSuffix(w, Step4Suffixes, Measure.AboveOne);
        if (!ReferenceEquals(replaced, w) || HasStep4Suffix(w))
            return replaced;
        // /^(.+?)(s|t)(ion)$/, tried only when the list above did not match.
        if (w.Length >= 5 && w.EndsWith("ion", StringComparison.Ordinal) && w[^4] is 's' or 't' && IsStem(w, w.Length - 4)
            && Measure.AboveOne(w.AsSpan(0, w.Length - 3)))
            return w[..^3];
        return w;
    }

    static bool HasStep4Suffix(string w)
    {
        foreach (var (suffix, _) in Step4Suffixes)
            if (suffix.Length < w.Length && w.EndsWith(suffix, StringComparison.Ordinal) && IsStem(w, w.Length - suffix.Length))
                return true;
        return false;
    }

    static string Step5(string w)
    {
        // /^(.+?)e$/
        if (w.Length >= 2 && w[^1] == 'e' && IsStem(w, w.Length - 1))
        {
            var stem = w.AsSpan(0, w.Length - 1);
            if (Measure.AboveOne(stem) || (Measure.One(stem) && !Measure.EndsConsonantVowelConsonant(stem)))
                w = w[..^1];
        }
        // /ll$/ and mgr1, then /.$/ removed.
        if (w.EndsWith("ll", StringComparison.Ordinal) && Measure.AboveOne(w))
            w = w[..^1];
        return w;
    }

    /// <summary>
    /// Whether <c>(.+?)</c> can match w's first <paramref name="length"/> characters: at least one, and no
    /// JavaScript line terminator (which <c>.</c> does not match).
    /// </summary>
    static bool IsStem(string w, int length) =>
        length >= 1 && w.AsSpan(0, length).IndexOfAny(LineTerminators) < 0;

    static readonly SearchValues<char> LineTerminators = SearchValues.Create("\n\r\u2028\u2029");

    static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// porter.js's measure expressions, built from c = [^aeiou], v = [aeiouy], C = c[^aeiouy]*, V = v[aeiou]*,
    /// run as a set-of-states automaton so they accept exactly what the backtracking expressions accept.
    /// </summary>
    static class Measure
    {
        enum Letters { NotVowel, NotVowelNorY, VowelOrY, Vowel, NotVowelNorWxy }

        readonly record struct Atom(Letters Letters, bool Repeats);

        static readonly Atom[] C = [new(Letters.NotVowel, false), new(Letters.NotVowelNorY, true)];
        static readonly Atom[] V = [new(Letters.VowelOrY, false), new(Letters.Vowel, true)];
        static readonly Atom[] SingleVowel = [new(Letters.VowelOrY, false)];

        // mgr0 = ^(C)?VC, meq1 = ^(C)?VC(V)?$, mgr1 = ^(C)?VCVC, s_v = ^(C)?v, *o = ^Cv[^aeiouwxy]$.
        static readonly Atom[][] AboveZeroPatterns = [[.. C, .. V, .. C], [.. V, .. C]];
        static readonly Atom[][] OnePatterns = [[.. C, .. V, .. C], [.. C, .. V, .. C, .. V], [.. V, .. C], [.. V, .. C, .. V]];
        static readonly Atom[][] AboveOnePatterns = [[.. C, .. V, .. C, .. V, .. C], [.. V, .. C, .. V, .. C]];
        static readonly Atom[][] VowelPatterns = [[.. C, .. SingleVowel], [.. SingleVowel]];
        static readonly Atom[] ConsonantVowelConsonant = [.. C, .. SingleVowel, new(Letters.NotVowelNorWxy, false)];

        public static bool AboveZero(ReadOnlySpan<char> w) => AnyPrefix(w, AboveZeroPatterns);

        public static bool One(ReadOnlySpan<char> w)
        {
            foreach (var pattern in OnePatterns)
                if (Matches(w, pattern, wholeText: true))
                    return true;
            return false;
        }

        public static bool AboveOne(ReadOnlySpan<char> w) => AnyPrefix(w, AboveOnePatterns);

        public static bool HasVowel(ReadOnlySpan<char> w) => AnyPrefix(w, VowelPatterns);

        public static bool EndsConsonantVowelConsonant(ReadOnlySpan<char> w) => Matches(w, ConsonantVowelConsonant, wholeText: true);

        static bool AnyPrefix(ReadOnlySpan<char> w, Atom[][] patterns)
        {
            foreach (var pattern in patterns)
                if (Matches(w, pattern, wholeText: false))
                    return true;
            return false;
        }

        // State i means "atom i comes next"; state n (all atoms matched) accepts.
        static bool Matches(ReadOnlySpan<char> w, Atom[] atoms, bool wholeText)
        {
            var accept = 1u << atoms.Length;
            var states = Closure(1u, atoms);
            foreach (var c in w)
            {
                if (!wholeText && (states & accept) != 0)
                    return true;
                var next = 0u;
                for (var i = 0; i < atoms.Length; i++)
                    if ((states & (1u << i)) != 0 && Contains(atoms[i].Letters, c))
                        next |= atoms[i].Repeats ? 1u << i : 1u << (i + 1);
                states = Closure(next, atoms);
                if (states == 0)
                    return false;
            }
            return (states & accept) != 0;
        }

        // A repeated atom may match nothing, so reaching it reaches the atom after it too.
        static uint Closure(uint states, Atom[] atoms)
        {
            for (var i = 0; i < atoms.Length; i++)
                if ((states & (1u << i)) != 0 && atoms[i].Repeats)
                    states |= 1u << (i + 1);
            return states;
        }

        static bool Contains(Letters letters, char c) => letters switch
        {
            Letters.NotVowel => !IsVowel(c),
            Letters.NotVowelNorY => !IsVowel(c) && c != 'y',
            Letters.VowelOrY => IsVowel(c) || c == 'y',
            Letters.Vowel => IsVowel(c),
            _ => !IsVowel(c) && c is not ('w' or 'x' or 'y'),
        };
    }
}
