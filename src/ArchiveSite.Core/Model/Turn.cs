namespace ArchiveSite.Model;

/// <summary>What one speaker said without interruption.</summary>
/// <param name="SpeakerId">Id of a <see cref="Speaker"/> of the same transcript.</param>
/// <param name="Start">Offset into the recording, where the source gives one.</param>
/// <param name="Paragraphs">The words said, reflowed into paragraphs; plain text, never markup.</param>
/// <param name="Line">1-based source line where the turn begins.</param>
public sealed record Turn(string SpeakerId, TimeSpan? Start, IReadOnlyList<string> Paragraphs, int Line);
