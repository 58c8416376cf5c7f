namespace ArchiveSite.Ingest.RawText;

/// <summary>How a document marks its turns: a name followed by a colon, or by a period.</summary>
internal enum LabelFamily { Colon, Period }

/// <summary>A turn label found at the start of a line.</summary>
/// <param name="Label">The label as printed, without its colon or period ("Dr. Siegel", "CHIEF JUSTICE ROBERTS").</param>
/// <param name="Rest">The text after the label on the same line, trimmed.</param>
internal sealed record SpeakerLabel(string Label, string Rest, LabelFamily Family);
