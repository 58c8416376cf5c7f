using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// lunr.tokenizer: lowercases the text like JavaScript, then splits it at every character matching
/// <c>lunr.tokenizer.separator</c> (<c>/[\s\-]+/</c>). Punctuation is not a separator.
/// </summary>
public static class Tokenizer
{
    // Printable ASCII, nearly every character of a text, is settled by one range check.
    public static bool IsSeparator(char c) => c is > ' ' and < '\u007F' ? c == '-' : JavaScriptString.IsWhiteSpace(c);

    /// <summary>The tokens of <paramref name="text"/>, lowercased; none for null.</summary>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        if (text is null)
            return [];
        var lowered = JavaScriptString.ToLowerCase(text);
        var tokens = new List<string>();
        foreach (var range in new TokenRanges(lowered))
            tokens.Add(lowered[range]);
        return tokens;
    }

    /// <summary>Token positions within already-lowercased text, without allocating the token strings.</summary>
    public ref struct TokenRanges(ReadOnlySpan<char> lowered)
    {
        readonly ReadOnlySpan<char> text = lowered;
        int next;

        public Range Current { get; private set; }

        public readonly TokenRanges GetEnumerator() => this;

        // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool MoveNext()
        {
            while (next < text.Length && IsSeparator(text[next]))
                next++;
            if (next >= text.Length)
                return false;
            var start = next;
            while (next < text.Length && !IsSeparator(text[next]))
                next++;
            Current = start..next;
            return true;
        }
    }
}
