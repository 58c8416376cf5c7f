namespace ArchiveSite.Output;

/// <summary>
/// Runs a step only when what it makes its files from changed: <paramref name="key"/> names that, and is
/// recorded after the step ran, with the diagnostics it reported. When the last build recorded the same key
/// and its files of this step are on disk as it left them, they are kept, its diagnostics reported again, and
/// the step does not run. A null key (nothing known) always runs it. The key must cover everything the step
/// reads, and the step must be deterministic in it; nothing the step writes may change it (it is taken once, before
/// the step runs: the download's key hashes every file of the site).
/// </summary>
public sealed class CachedStep(IOutputStep step, Func<OutputContext, string?> key) : IOutputStep
{
    public string Name => step.Name;

    public void Prepare(IOutputWriter writer) => step.Prepare(writer);

    public void Run(OutputContext context)
    {
        if (context.Writer is not StagedOutput staged || key(context) is not { } before)
        {
            step.Run(context);
            return;
        }
        if (staged.TryKeepStep(before) is { } kept)
        {
            foreach (var diagnostic in kept)
                context.Report(diagnostic);
            return;
        }
        var reportedBefore = context.Diagnostics.Count;
        context.StepKey = before;
        try
        {
            step.Run(context);
        }
        finally
        {
            context.StepKey = null;
        }
        staged.RecordStep(new StepRecord(before, [.. context.Diagnostics.Skip(reportedBefore)]));
    }
}
