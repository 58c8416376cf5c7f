namespace ArchiveSite.Ingest.RawText;

/// <summary>Quotation marks as transcripts print them, straight or curly.</summary>
internal static class QuotationMarks
{
    public static bool IsOpening(char c) => c is '“' or '"' or '‘' or '«' or '„';

    public static bool IsClosing(char c) => c is '”' or '"' or '’' or '»';

    public static string StripOuter(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length >= 2 && IsOpening(span[0]) && IsClosing(span[^1]))
            span = span[1..^1];
        return span.Trim().ToString();
    }
}
