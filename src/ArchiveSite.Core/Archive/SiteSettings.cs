namespace ArchiveSite.Archive;

/// <summary>What <c>input/site.yml</c> says about the whole site; every field has a usable default.</summary>
/// <param name="BaseUrl">Absolute URL the site is published at, ending in "/"; null when unknown (no canonical links).</param>
/// <param name="DefaultImage">Share image (path under the output root) for pages that have none of their own.</param>
public sealed record SiteSettings(string Title, string Description, string Language, string? BaseUrl, string DefaultImage)
{
    public static SiteSettings Default { get; } =
        new("Transcript archive", "Transcripts of conversations, searchable and linked.", "en", null, "assets/og-default.png");
}
