namespace ArchiveSite.Model;

/// <summary>A source line a reader dropped as noise, kept so nothing disappears unaccounted for.</summary>
/// <param name="Kind">What the reader took it for: "footer", "header", "page-mark", "line-number", "markup", ...</param>
public sealed record RemovedLine(int Line, string Kind, string Text);
