using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// Tokenizer plus pipeline, memoised per distinct token (most words repeat), safe to share between threads.
/// <see cref="Indexing"/> yields exactly the terms lunr.js indexes for a field value; use it to match words
/// against index terms by stem.
/// </summary>
public sealed class TextAnalyzer(Pipeline pipeline)
{
    readonly TermTable terms = new(pipeline);

    /// <summary>A shared analyzer for lunr's default indexing pipeline.</summary>
    public static TextAnalyzer Indexing { get; } = new(Pipeline.Indexing);

    public Pipeline Pipeline => pipeline;

    /// <summary>The terms lunr indexes for <paramref name="text"/>, in token order (repeats kept).</summary>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<string> Terms(string? text)
    {
        var result = new List<string>();
        if (text is null)
            return result;
        var lowered = JavaScriptString.ToLowerCase(text);
        foreach (var range in new Tokenizer.TokenRanges(lowered))
            if (Term(lowered.AsSpan(range)) is { } term)
                result.Add(term);
        return result;
    }

    /// <summary>The term for one already-lowercased token, or null when the pipeline drops it.</summary>
    public string? Term(ReadOnlySpan<char> loweredToken) =>
        terms.IdOf(loweredToken) is var id and >= 0 ? terms.TermOf(id) : null;
}
