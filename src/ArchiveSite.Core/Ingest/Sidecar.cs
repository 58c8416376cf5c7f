namespace ArchiveSite.Ingest;

/// <summary>
/// Metadata kept beside a caption file, since WebVTT and SRT have no place for it: <c>talk.yml</c> (or
/// <c>talk.yaml</c>) next to <c>talk.vtt</c>, with the same keys as Markdown front matter.
/// </summary>
/// <param name="Path">Where the YAML came from, for diagnostics.</param>
public sealed record Sidecar(string Path, string Yaml);
