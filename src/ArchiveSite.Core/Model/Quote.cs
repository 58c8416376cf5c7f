namespace ArchiveSite.Model;

/// <summary>An editor's pull quote or a quote marked by the source, attributed by content.</summary>
/// <param name="SpeakerId">Speaker of the turn the quote was found in; null when no turn matched.</param>
/// <param name="Section">Heading of that turn's section.</param>
/// <param name="Turn">1-based number of that turn in reading order (its anchor is <c>t-N</c>); null when unmatched.</param>
/// <param name="Line">1-based source line where the quote is printed.</param>
public sealed record Quote(string Text, string? SpeakerId, string? Section, int? Turn, int Line);
