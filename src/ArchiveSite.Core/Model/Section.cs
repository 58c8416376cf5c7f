namespace ArchiveSite.Model;

/// <summary>A run of turns under one heading; the first section of a transcript may have no heading.</summary>
public sealed record Section(string? Heading, int Line, IReadOnlyList<Turn> Turns);
