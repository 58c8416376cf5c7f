using System.Text.RegularExpressions;

namespace Lunr.Tests.Support;

/// <summary>
/// The reference for <see cref="Stemmer"/>: lunr.js 2.3.9's stemmer transcribed regular expression for
/// regular expression (same expressions, same order of steps), too slow for indexing but easy to check
/// against porter.js line by line. It does not lowercase. JavaScript <c>$</c> is written <c>\z</c> and <c>.</c> excludes
/// every JavaScript line terminator, so the expressions mean what they mean in lunr.js.
/// </summary>
public static partial class RegexStemmer
{
    const string Consonant = "[^aeiou]";
    const string Vowel = "[aeiouy]";
    const string ConsonantSequence = Consonant + "[^aeiouy]*";
    const string VowelSequence = Vowel + "[aeiou]*";
    const string AnyChar = @"[^\n\r\u2028\u2029]";

    /// <summary>mgr0: [C]VC... (measure greater than 0).</summary>
    const string MeasureAboveZero = "^(" + ConsonantSequence + ")?" + VowelSequence + ConsonantSequence;
    /// <summary>meq1: [C]VC[V] (measure exactly 1).</summary>
    const string MeasureOne = "^(" + ConsonantSequence + ")?" + VowelSequence + ConsonantSequence + "(" + VowelSequence + @")?\z";
    /// <summary>mgr1: [C]VCVC... (measure greater than 1).</summary>
    const string MeasureAboveOne = "^(" + ConsonantSequence + ")?" + VowelSequence + ConsonantSequence + VowelSequence + ConsonantSequence;
    /// <summary>s_v: a vowel in the stem.</summary>
    const string VowelInStem = "^(" + ConsonantSequence + ")?" + Vowel;
    /// <summary>*o: ends consonant-vowel-consonant, the last not w, x or y.</summary>
    const string EndsConsonantVowelConsonant = "^" + ConsonantSequence + Vowel + @"[^aeiouwxy]\z";

    const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(MeasureAboveZero, Options)] private static partial Regex MeasureAboveZeroRegex();
    [GeneratedRegex(MeasureOne, Options)] private static partial Regex MeasureOneRegex();
    [GeneratedRegex(MeasureAboveOne, Options)] private static partial Regex MeasureAboveOneRegex();
    [GeneratedRegex(VowelInStem, Options)] private static partial Regex VowelInStemRegex();
    [GeneratedRegex(EndsConsonantVowelConsonant, Options)] private static partial Regex EndsConsonantVowelConsonantRegex();

    [GeneratedRegex("^(" + AnyChar + @"+?)(ss|i)es\z", Options)] private static partial Regex Step1aPluralRegex();
    [GeneratedRegex("^(" + AnyChar + @"+?)([^s])s\z", Options)] private static partial Regex Step1aSRegex();
    [GeneratedRegex("^(" + AnyChar + @"+?)eed\z", Options)] private static partial Regex Step1bEedRegex();
    [GeneratedRegex("^(" + AnyChar + @"+?)(ed|ing)\z", Options)] private static partial Regex Step1bEdIngRegex();
    [GeneratedRegex(@"(at|bl|iz)\z", Options)] private static partial Regex Step1bAtBlIzRegex();
    [GeneratedRegex(@"([^aeiouylsz])\1\z", Options)] private static partial Regex Step1bDoubleConsonantRegex();
    [GeneratedRegex("^(" + AnyChar + @"+?[^aeiou])y\z", Options)] private static partial Regex Step1cRegex();
    [GeneratedRegex("^(" + AnyChar + @"+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)\z", Options)]
    private static partial Regex Step2Regex();
    [GeneratedRegex("^(" + AnyChar + @"+?)(icate|ative|alize|iciti|ical|ful|ness)\z", Options)] private static partial Regex Step3Regex();
    [GeneratedRegex("^(" + AnyChar + @"+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\z", Options)]
    private static partial Regex Step4Regex();
    [GeneratedRegex("^(" + AnyChar + @"+?)(s|t)(ion)\z", Options)] private static partial Regex Step4IonRegex();
    [GeneratedRegex("^(" + AnyChar + @"+?)e\z", Options)] private static partial Regex Step5Regex();
    [GeneratedRegex(@"ll\z", Options)] private static partial Regex Step5DoubleLRegex();

    static readonly Dictionary<string, string> Step2Suffixes = new()
    {
        ["ational"] = "ate", ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["izer"] = "ize",
        ["bli"] = "ble", ["alli"] = "al", ["entli"] = "ent", ["eli"] = "e", ["ousli"] = "ous",
        ["ization"] = "ize", ["ation"] = "ate", ["ator"] = "ate", ["alism"] = "al", ["iveness"] = "ive",
        ["fulness"] = "ful", ["ousness"] = "ous", ["aliti"] = "al", ["iviti"] = "ive", ["biliti"] = "ble",
        ["logi"] = "log",
    };

    static readonly Dictionary<string, string> Step3Suffixes = new()
    {
        ["icate"] = "ic", ["ative"] = "", ["alize"] = "al", ["iciti"] = "ic", ["ical"] = "ic", ["ful"] = "",
        ["ness"] = "",
    };

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
        w = ReplaceSuffix(w, Step2Regex(), Step2Suffixes);
        w = ReplaceSuffix(w, Step3Regex(), Step3Suffixes);
        w = Step4(w);
        w = Step5(w);

        return startsWithY ? "y" + w[1..] : w;
    }

    static string Step1a(string w)
    {
        var match = Step1aPluralRegex().Match(w);
        if (!match.Success)
            match = Step1aSRegex().Match(w);
        return match.Success ? match.Groups[1].Value + match.Groups[2].Value : w;
    }

    static string Step1b(string w)
    {
        var eed = Step1bEedRegex().Match(w);
        if (eed.Success)
            return MeasureAboveZeroRegex().IsMatch(eed.Groups[1].ValueSpan) ? w[..^1] : w;

        var edIng = Step1bEdIngRegex().Match(w);
        if (!edIng.Success)
            return w;
        var stem = edIng.Groups[1].Value;
        if (!VowelInStemRegex().IsMatch(stem))
            return w;
        if (Step1bAtBlIzRegex().IsMatch(stem))
            return stem + "e";
        if (Step1bDoubleConsonantRegex().IsMatch(stem))
            return stem[..^1];
        if (EndsConsonantVowelConsonantRegex().IsMatch(stem))
            return stem + "e";
        return stem;
    }

    static string Step1c(string w)
    {
        var match = Step1cRegex().Match(w);
        return match.Success ? match.Groups[1].Value + "i" : w;
    }

    static string ReplaceSuffix(string w, Regex suffixes, Dictionary<string, string> replacements)
    {
        var match = suffixes.Match(w);
        if (!match.Success)
            return w;
        var stem = match.Groups[1].Value;
        return MeasureAboveZeroRegex().IsMatch(stem) ? stem + replacements[match.Groups[2].Value] : w;
    }

    static string Step4(string w)
    {
        var match = Step4Regex().Match(w);
        if (match.Success)
        {
            var stem = match.Groups[1].Value;
            return MeasureAboveOneRegex().IsMatch(stem) ? stem : w;
        }
        var ion = Step4IonRegex().Match(w);
        if (ion.Success)
        {
            var stem = ion.Groups[1].Value + ion.Groups[2].Value;
            return MeasureAboveOneRegex().IsMatch(stem) ? stem : w;
        }
        return w;
    }

    static string Step5(string w)
    {
        var match = Step5Regex().Match(w);
        if (match.Success)
        {
            var stem = match.Groups[1].Value;
            if (MeasureAboveOneRegex().IsMatch(stem)
                || (MeasureOneRegex().IsMatch(stem) && !EndsConsonantVowelConsonantRegex().IsMatch(stem)))
                w = stem;
        }
        if (Step5DoubleLRegex().IsMatch(w) && MeasureAboveOneRegex().IsMatch(w))
            w = w[..^1];
        return w;
    }
}
