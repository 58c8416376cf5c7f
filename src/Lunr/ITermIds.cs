namespace Lunr;

/// <summary>Numbers the terms of lowercased tokens for a <see cref="FieldAnalyzer"/>; <see cref="TermTable.Dropped"/> for tokens the pipeline drops.</summary>
internal interface ITermIds
{
    int IdOf(ReadOnlySpan<char> loweredToken);
}
