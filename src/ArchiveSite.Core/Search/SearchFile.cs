namespace ArchiveSite.Search;

/// <summary>A file of the search output, path relative to the site root with '/' separators.</summary>
/// <param name="Key">What the file is made from, when the output may keep it next build (see <see cref="Output.StagedOutput.TryKeep"/>).</param>
public sealed record SearchFile(string Path, string Content, string? Key = null);
