namespace ArchiveSite.Output;

/// <summary>
/// Marks a step that, in a rebuild, the output phase starts first and runs at the same time as the steps before the
/// last one (the download, which zips what they all wrote); it is waited for before that one. For a step that reads no
/// other step's files: a rebuild leaves part of the two cores idle, and the search index, its longest step, fills
/// some of it. A cold build runs it in its turn, as the steps there fill the cores themselves.
/// </summary>
public sealed class BesideStep(IOutputStep step) : IOutputStep
{
    public string Name => step.Name;

    public void Prepare(IOutputWriter writer) => step.Prepare(writer);

    public void Run(OutputContext context) => step.Run(context);
}
