namespace ArchiveSite.Checking;

/// <summary>A link on a built page that would not work.</summary>
/// <param name="Page">The page, relative to the site root.</param>
/// <param name="Link">The link as written in the page.</param>
public sealed record LinkProblem(string Page, string Link, string Problem)
{
    public override string ToString() => $"{Page}: {Link}: {Problem}";
}

/// <summary>What a link check found.</summary>
/// <param name="ExternalLinks">Links to other sites (allowed in anchors, never loaded), as "page: url".</param>
public sealed record LinkReport(int PagesChecked, int LinksChecked, IReadOnlyList<LinkProblem> Problems, IReadOnlyList<string> ExternalLinks)
{
    public bool AllResolve => Problems.Count == 0;
}
