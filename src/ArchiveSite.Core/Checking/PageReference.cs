namespace ArchiveSite.Checking;

/// <summary>A URL a page or stylesheet points at, and where: "a href", "img src", "css url", ...</summary>
/// <param name="Network">Whether an absolute http(s) URL is expected here (canonical link, Open Graph tags).</param>
public sealed record PageReference(string Where, string Url, bool AbsoluteAllowed = false);
