using ArchiveSite.Model;

namespace ArchiveSite.Output;

/// <summary>Copies <c>theme/assets/**</c> to <c>assets/**</c> as it is, scripts without comments and the spaces they need not keep (<see cref="CompactScript"/>).</summary>
public sealed class CopyThemeAssets : IOutputStep
{
    public string Name => "assets";

    public void Run(OutputContext context)
    {
        var assets = context.Theme.Assets;
        if (!Directory.Exists(assets))
        {
            context.Report(new Diagnostic(Severity.Warning, assets, 1, "the theme has no assets folder; pages will be unstyled"));
            return;
        }
        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(assets, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.')))
                continue;
            context.Writer.Write("assets/" + relative, relative.EndsWith(".js", StringComparison.Ordinal)
                ? System.Text.Encoding.UTF8.GetBytes(CompactScript.Of(File.ReadAllText(file)))
                : File.ReadAllBytes(file));
        }
    }
}
