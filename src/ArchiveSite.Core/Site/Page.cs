namespace ArchiveSite.Site;

/// <summary>One HTML page to render: where it goes, which layout draws it, and the model the layout reads.</summary>
/// <param name="Path">Output path relative to the site root, e.g. "transcripts/week-1.html".</param>
/// <param name="Layout">Name of the layout in <c>theme/layouts/</c> without ".sbn", e.g. "transcript".</param>
public sealed record Page(string Path, string Layout, PageHead Head, object Model);

/// <summary>What a page says about itself in <c>&lt;head&gt;</c>.</summary>
/// <param name="Title">The page's own title; the site title is added by the base layout.</param>
/// <param name="Image">Share image path relative to the site root; the site default when null.</param>
/// <param name="JsonLd">A schema.org description, already serialised for a script element.</param>
public sealed record PageHead(string Title, string Description, string OgType = "website", string? Image = null, RawHtml? JsonLd = null);
