namespace ArchiveSite.Search;

/// <summary>A file of the search output, path relative to the site root with '/' separators.</summary>
public sealed record SearchFile(string Path, string Content);
