using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Recognises the label shapes transcripts use at the start of a turn. Colon family: <c>Dr. Buczynski:</c>,
/// <c>Kelly:</c>, <c>CHIEF JUSTICE ROBERTS:</c>, <c>Q:</c>, <c>SPEAKER 2:</c>. Period family (Congressional and
/// Federal Reserve style, where a bare "Name." would be any sentence, so an honorific, "The ..." or ALL CAPS
/// is required): <c>Mr. Meltzer.</c>, <c>Mrs. McCarthy of New York.</c>, <c>The Chairman.</c>,
/// <c>CHAIRMAN GREENSPAN.</c>, <c>MR. PRELL.</c>. Which family a document uses is learned per document.
/// </summary>
internal static partial class LabelRecognizer
{
    const int MaxLabelLength = 48;

    static readonly HashSet<string> NotSpeakers = new(StringComparer.OrdinalIgnoreCase)
    {
        "note", "notes", "present", "also present", "appearances", "contents", "index", "subject", "re", "date",
        "time", "place", "location", "transcript", "source", "page", "witnesses", "witness list", "exhibits",
        "attendees", "participants", "panel", "panelists", "topic", "topics", "title", "series", "episode", "url",
        "link", "from", "to", "cc", "sent", "summary", "abstract", "keywords", "tags", "edit", "update", "the end",
        "duration", "recorded", "published", "host", "hosts", "guest", "guests", "warning", "disclaimer", "copyright",
        "agenda", "minutes", "chapter", "section", "part", "question", "answer", "example", "step", "tip", "ps", "nb",
    };

    public static SpeakerLabel? Match(string trimmedLine, LabelFamily family)
    {
        // Every line is asked; most hold no colon (or no period), or open with no capital letter (as a wrapped
        // sentence's later lines do), and every label of either pattern opens with one, so the pattern need not run.
        if (trimmedLine.Length == 0 || char.GetUnicodeCategory(trimmedLine[0]) != UnicodeCategory.UppercaseLetter
            || !trimmedLine.Contains(family == LabelFamily.Colon ? ':' : '.'))
            return null;
        var match = family == LabelFamily.Colon ? ColonLabel().Match(trimmedLine) : PeriodLabel().Match(trimmedLine);
        if (!match.Success)
            return null;
        var label = match.Groups["label"].Value.TrimEnd();
        if (label.Length > MaxLabelLength || NotSpeakers.Contains(label))
            return null;
        return new SpeakerLabel(label, trimmedLine[match.Length..].Trim(), family);
    }

    [GeneratedRegex(@"^(?<label>(?:(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Rev|Hon|Sen|Rep|Gov|Fr|Sr)\.?\s)?\p{Lu}[\p{L}'’.\-]*(?:\s(?:\p{Lu}[\p{L}'’.\-]*|\d{1,2}|de|del|van|von|der|den|da|di|du|la|le|bin|al|of)){0,4})\s?:(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ColonLabel();

    [GeneratedRegex(@"^(?<label>(?:Mr|Mrs|Ms|Mx|Dr|Miss|Prof|Professor|Senator|Sen|Representative|Rep|Chairman|Chairwoman|Secretary|Governor|Gov|Judge|Justice|Ambassador|General|Admiral|Commissioner|Director|President|Speaker)\.?\s\p{Lu}[\p{L}'’\-]*(?:\s\p{Lu}[\p{L}'’\-]*){0,2}(?:\sof\s\p{Lu}\p{L}*(?:\s\p{Lu}\p{L}*){0,2})?|The\s(?:Vice\s)?(?:Chairman|Chairwoman|Chair|Speaker|President|Clerk|Witness|Court|Moderator|Reporter|Interpreter|Presiding\sOfficer)|(?:MR|MRS|MS|MX|DR|MISS)\.\s\p{Lu}[\p{Lu}'’\-]+(?:\s\p{Lu}[\p{Lu}'’\-]+){0,2}|\p{Lu}[\p{Lu}'’\-]+(?:\s\p{Lu}[\p{Lu}'’\-]+){1,3})\.(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodLabel();
}
