namespace ArchiveSite.Archive;

/// <summary>One topic as <c>input/topics.yml</c> describes it.</summary>
/// <param name="Terms">Words or phrases that identify the topic in a turn; matched by stem ("compassionate" matches "compassion").</param>
public sealed record TopicEntry(string Id, string Name, string? Description, IReadOnlyList<string> Terms);
