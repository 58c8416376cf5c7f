namespace Lunr;

/// <summary>
/// One step of a <see cref="Pipeline"/>, under the label lunr.js registers it with
/// (<c>lunr.Pipeline.registerFunction</c>). <see cref="Run"/> returns the updated token, or null to drop it;
/// an empty string is a token like any other (lunr.js indexes "" for punctuation-only tokens).
/// Functions must be pure: the builder memoises their results per distinct token.
/// </summary>
public sealed record PipelineFunction(string Label, Func<string, string?> Run)
{
    public static PipelineFunction Trimmer { get; } = new(Lunr.Trimmer.Label, Lunr.Trimmer.Trim);
    public static PipelineFunction StopWordFilter { get; } = new(Lunr.StopWordFilter.Label, Lunr.StopWordFilter.Filter);
    public static PipelineFunction Stemmer { get; } = new(Lunr.Stemmer.Label, Lunr.Stemmer.Stem);
}
