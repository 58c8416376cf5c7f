namespace ArchiveSite.Archive;

/// <summary>One person as <c>input/speakers.yml</c> describes them.</summary>
/// <param name="Aliases">Other names and turn labels that mean this person ("Dr. Siegel", "RON SIEGEL").</param>
public sealed record PersonEntry(string Id, string Name, string? Credentials, IReadOnlyList<string> Aliases, string? Bio);
