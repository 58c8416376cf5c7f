namespace Lunr;

/// <summary>lunr.Pipeline: functions applied in order to every token; a dropped token leaves the stream.</summary>
public sealed class Pipeline(params IReadOnlyList<PipelineFunction> functions)
{
    /// <summary>The pipeline <c>lunr()</c> indexes with: trimmer, stop word filter, stemmer.</summary>
    public static Pipeline Indexing { get; } =
        new(PipelineFunction.Trimmer, PipelineFunction.StopWordFilter, PipelineFunction.Stemmer);

    /// <summary>The pipeline <c>lunr()</c> gives the index for queries: the stemmer alone.</summary>
    public static Pipeline Search { get; } = new(PipelineFunction.Stemmer);

    public IReadOnlyList<PipelineFunction> Functions { get; } = functions;

    /// <summary>What <c>Pipeline.toJSON()</c> writes: the registered labels, in order.</summary>
    public IReadOnlyList<string> Labels => [.. Functions.Select(f => f.Label)];

    /// <summary>One token through every function: the resulting term, or null when a function drops it.</summary>
    public string? RunToken(string token)
    {
        string? current = token;
        foreach (var function in Functions)
        {
            current = function.Run(current);
            if (current is null)
                return null;
        }
        return current;
    }

    /// <summary>lunr's <c>run</c>: the terms left after every function has seen every token.</summary>
    public IReadOnlyList<string> Run(IEnumerable<string> tokens)
    {
        var terms = new List<string>();
        foreach (var token in tokens)
            if (RunToken(token) is { } term)
                terms.Add(term);
        return terms;
    }

    /// <summary>lunr's <c>runString</c>, as used on query terms: the string as one token, not lowercased or split.</summary>
    public IReadOnlyList<string> RunString(string text) => RunToken(text) is { } term ? [term] : [];
}
