namespace Lunr.Tests.Support;

/// <summary>Word lists that exercise every step of the Porter stemmer, plus odd shapes lunr.js must survive.</summary>
public static class WordLists
{
    public static IReadOnlyList<string> Varied()
    {
        string[] stems = ["agree", "hop", "fil", "sing", "conflat", "troubl", "siz", "fail", "fall", "hiss", "fizz",
            "rate", "relat", "condition", "valenc", "hesitanc", "digitiz", "conform", "radic", "differ", "vile",
            "analog", "vietnam", "predic", "triplic", "form", "electr", "hope", "good", "reviv", "allow", "inference",
            "airlin", "gyroscop", "adjust", "depend", "adopt", "homolog", "communism", "activ", "angular", "effect",
            "bowdler", "probat", "rate", "cease", "control", "roll", "y", "yell", "yes", "ky", "sky", "happy", "cry",
            "say", "motion", "creat", "feud", "owe", "insula", "linehan", "recrimin", "empath", "siegel", "pace"];
        string[] suffixes = ["", "s", "es", "ies", "ss", "ed", "eed", "ing", "ings", "ly", "y", "ational", "tional",
            "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism",
            "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti",
            "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
            "ion", "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "e", "ll", "ied"];
        var words = new List<string>();
        foreach (var stem in stems)
            foreach (var suffix in suffixes)
                words.Add(stem + suffix);
        words.AddRange(["", "a", "ab", "abc", "yyy", "YES", "caf", "naïve", "it's", "42", "1990s", "__proto__",
            "constructor", "ΟΔΟΣ", "日本語", "ñandú", "y'all", "yesterday's", "ies", "sses", "eed", "ing", "ed"]);
        return words;
    }
}
