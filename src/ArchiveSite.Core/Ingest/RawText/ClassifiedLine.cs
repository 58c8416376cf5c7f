namespace ArchiveSite.Ingest.RawText;

internal enum LineKind { Blank, Noise, Label, Body, PullQuote, Heading }

/// <summary>A source line with what the reader took it for.</summary>
/// <param name="Text">The line's words, trimmed, runs of spaces collapsed; for a label, the text after it.</param>
/// <param name="NoiseKind">For noise, the removal kind ("footer", "page-number", ...).</param>
internal sealed record ClassifiedLine(SourceLine Source, LineKind Kind, string Text, SpeakerLabel? Label = null, string? NoiseKind = null)
{
    public int Number => Source.Number;

    public bool IsContent => Kind is LineKind.Body or LineKind.Label or LineKind.Heading;

    /// <summary>Spaces at the end of the source line: some extractions end a paragraph's last line with two.</summary>
    public int TrailingSpaces => Source.TrailingSpaces;
}
