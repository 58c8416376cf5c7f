namespace Lunr;

/// <summary>Numbers the terms of lowercased tokens for a <see cref="FieldAnalyzer"/>; <see cref="TermTable.Dropped"/> for tokens the pipeline drops.</summary>
internal interface ITermIds
{
    /// <param name="token">The token as a string kept by the table, for callers that cache it as a key.</param>
    int IdOf(ReadOnlySpan<char> loweredToken, out string token);
}
