namespace ArchiveSite.Model;

/// <summary>A person as one transcript names them.</summary>
/// <param name="Id">Slug-like id, stable for the same name (e.g. "ron-siegel").</param>
/// <param name="Labels">The turn labels that belong to this person in the source, e.g. "Dr. Siegel".</param>
public sealed record Speaker(string Id, string Name, string? Credentials, IReadOnlyList<string> Labels);
