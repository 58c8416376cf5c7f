namespace ArchiveSite.Output;

/// <summary>
/// One kind of output file (the rendered pages, the theme's assets, the sitemap, ...). A feature that adds
/// files to the site implements this and is listed once in <c>Build/SiteFeatures.cs</c>.
/// </summary>
public interface IOutputStep
{
    /// <summary>Shown in progress and timing ("pages", "assets", "search index").</summary>
    string Name { get; }

    void Run(OutputContext context);
}
