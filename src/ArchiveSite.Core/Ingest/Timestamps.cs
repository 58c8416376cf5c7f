using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchiveSite.Ingest;

/// <summary>Clock offsets as transcripts print them: "1:02:03", "02:03", "00:01:53.17", "00:00:01,500".</summary>
public static partial class Timestamps
{
    /// <summary>Matches one offset; hours optional, fraction after "." or "," optional.</summary>
    public const string Pattern = @"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?";

    [GeneratedRegex(@"^\s*\[(" + Pattern + @")\]\s*")]
    private static partial Regex LeadingBracketed();

    [GeneratedRegex(@"\s*\[(" + Pattern + @")\]")]
    private static partial Regex AnyBracketed();

    /// <summary>A transcriber's note with the offset it refers to: "[unintelligible 00:14:25.12]".</summary>
    [GeneratedRegex(@"\[(?<note>[^\]\[\d]+?)\s+(?<time>" + Pattern + @")\]")]
    private static partial Regex NoteWithOffset();

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var parts = text.Trim().Replace(',', '.').Split(':');
        if (parts.Length is < 2 or > 3)
            return false;
        var hours = 0;
        if (parts.Length == 3 && !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hours))
            return false;
        if (!int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ||
            !double.TryParse(parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) ||
            minutes >= 60 || seconds >= 60)
            return false;
        value = new TimeSpan(hours, minutes, 0) + TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        return true;
    }

    /// <summary>"hh:mm:ss", the form the outline, inspect and JSON show (fractions dropped).</summary>
    public static string Format(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours:00}:{value.Minutes:00}:{value.Seconds:00}");

    /// <summary>Takes a bracketed offset like "[06:11]" off the start of the text.</summary>
    public static bool TryTakeLeading(ref string text, out TimeSpan value)
    {
        value = default;
        var match = LeadingBracketed().Match(text);
        if (!match.Success || !TryParse(match.Groups[1].Value, out value))
            return false;
        text = text[match.Length..];
        return true;
    }

    /// <summary>
    /// Removes every bracketed offset from the text ("[06:11]"; "[unintelligible 00:14:25.12]" keeps its
    /// note as "[unintelligible]") and returns the offsets removed, as printed.
    /// </summary>
    public static string StripBracketed(string text, List<string> removed)
    {
        if (!text.Contains('['))
            return text;
        text = NoteWithOffset().Replace(text, m =>
        {
            removed.Add(m.Groups["time"].Value);
            return $"[{m.Groups["note"].Value}]";
        });
        return AnyBracketed().Replace(text, m =>
        {
            removed.Add(m.Value.Trim());
            return "";
        }).Trim();
    }
}
