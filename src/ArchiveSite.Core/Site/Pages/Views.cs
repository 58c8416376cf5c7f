namespace ArchiveSite.Site.Pages;

/// <summary>A link as a layout shows it; <see cref="Url"/> is relative to the page it is on.</summary>
public sealed record Link(string Text, string Url);

/// <summary>A link with a count beside it ("Mindfulness (12)").</summary>
public sealed record CountedLink(string Text, string Url, int Count);

public sealed record PersonLink(string Name, string? Credentials, string Url);

/// <summary>A transcript in a list: title, date, and for a speaker how much they said in it.</summary>
public sealed record TranscriptItem(string Title, string Url, string? Date, string? Series, string? Episode, int Turns, int Words);

/// <summary>A quote as a callout or list item; <see cref="Url"/> is its quote page.</summary>
public sealed record QuoteItem(string Text, string Url, string? SpeakerName, string? SpeakerUrl, string? TurnUrl, string TranscriptTitle);

public static class Dates
{
    public static string? Display(DateOnly? date) =>
        date?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Iso(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
