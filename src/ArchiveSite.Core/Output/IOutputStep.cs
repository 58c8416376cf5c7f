namespace ArchiveSite.Output;

/// <summary>
/// One kind of output file (the rendered pages, the theme's assets, the sitemap, ...). A feature that adds
/// files to the site implements this and is listed once in <c>Build/SiteFeatures.cs</c>.
/// </summary>
public interface IOutputStep
{
    /// <summary>Shown in progress and timing ("pages", "assets", "search index").</summary>
    string Name { get; }

    /// <summary>
    /// Called on every step before any step runs, with the writer they all write to: a step that reads the files of
    /// the steps before it can ask for what it needs while their bytes are at hand (<see cref="StagedOutput.Packer"/>).
    /// </summary>
    void Prepare(IOutputWriter writer)
    {
    }

    void Run(OutputContext context);
}
