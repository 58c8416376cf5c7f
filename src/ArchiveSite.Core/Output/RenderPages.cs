using ArchiveSite.Build;
using ArchiveSite.Model;
using ArchiveSite.Site;

namespace ArchiveSite.Output;

/// <summary>
/// Renders every page with its layout, in parallel. Each page has a fingerprint of all its rendering reads
/// (its path, layout name, head and model, every layout file, the site settings, the program version); a page
/// whose fingerprint matches the one the last build recorded, and whose file is still as that build left it,
/// is kept as it is instead of rendered.
/// </summary>
public sealed class RenderPages : IOutputStep
{
    public string Name => "pages";

    public void Run(OutputContext context)
    {
        var staged = context.Writer as StagedOutput;
        var shared = staged is null ? "" : ModelFingerprint.Of(ProgramVersion.Hash, ThemeFingerprint.Layouts(context.Theme), context.Archive.Site);
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, TemplateException>(StringComparer.Ordinal);
        var rendered = 0;
        Parallel.ForEach(context.Pages, page =>
        {
            try
            {
                if (staged is null)
                {
                    context.Writer.Write(page.Path, context.Renderer.RenderUtf8(page));
                    return;
                }
                var key = KeyOf(shared, page);
                if (!staged.TryKeep(page.Path, key))
                    staged.Write(page.Path, context.Renderer.RenderUtf8(page), key);
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

    /// <summary>
    /// The page's fingerprint: its model walked (<see cref="ModelFingerprint"/>), unless the model names what it is made
    /// from, as 12,800 of the 13,800 pages of 1,000 transcripts do; then the page's own few fields are hashed with that
    /// name (with what it is the hash of, for a <see cref="ModelMadeWhenRendered"/>), without reading them by reflection.
    /// </summary>
    public static string KeyOf(string shared, Page page)
    {
        if (page.Model is not IFingerprinted model)
            return ModelFingerprint.Of(shared, page);
        var parts = new HashedParts().Add("page").Add(shared).Add(page.Path).Add(page.Layout).Add(page.Head.Title).Add(page.Head.Description)
            .Add(page.Head.OgType).Add(page.Head.Image).Add(page.Head.JsonLd?.Html);
        return (model is ModelMadeWhenRendered made ? made.AddFingerprintTo(parts) : parts.Add(model.Fingerprint)).Hash();
    }
}
