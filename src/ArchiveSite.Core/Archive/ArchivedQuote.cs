using ArchiveSite.Text;

namespace ArchiveSite.Archive;

/// <summary>A quote of a transcript with its permanent id (<c>quotes/&lt;id&gt;.html</c>).</summary>
/// <param name="PersonId">Who said it, when the reader attributed it to a turn.</param>
/// <param name="Turn">1-based turn it was attributed to, or null.</param>
public sealed record ArchivedQuote(string Id, string Text, string TranscriptSlug, string? PersonId, string? Section, int? Turn, int Line)
{
    /// <summary>
    /// The one place a quote id is made: the transcript slug and a short hash of the text, so the id stays
    /// the same across builds and as other quotes are added or removed.
    /// </summary>
    public static string IdFor(string transcriptSlug, string text) =>
        $"{transcriptSlug}-{Slug.ShortHash(text.Trim())}";
}
