using ArchiveSite.Model;
using ArchiveSite.Site;

namespace ArchiveSite.Output;

/// <summary>Renders every page with its layout, in parallel.</summary>
public sealed class RenderPages : IOutputStep
{
    public string Name => "pages";

    public void Run(OutputContext context)
    {
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, TemplateException>(StringComparer.Ordinal);
        var rendered = 0;
        Parallel.ForEach(context.Pages, page =>
        {
            try
            {
                context.Writer.Write(page.Path, context.Renderer.Render(page));
            }
            catch (TemplateException e)
            {
                failures.TryAdd(e.Message, e);
            }
            context.ReportProgress(Interlocked.Increment(ref rendered), context.Pages.Count);
        });
        foreach (var failure in failures.Values.OrderBy(f => f.Message, StringComparer.Ordinal))
            context.Report(new Diagnostic(Severity.Error, failure.File, failure.Line, failure.Problem));
    }
}
