namespace ArchiveSite.Cards;

/// <summary>Everything drawn on a quote card; two equal cards are the same picture.</summary>
public sealed record QuoteCard(string Quote, string SpeakerName, string? Credentials, string? TranscriptTitle, string SiteName);
