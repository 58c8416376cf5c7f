using ArchiveSite.Model;

namespace ArchiveSite.Output;

/// <summary>
/// Copies the files pages load from the theme's npm packages (<c>theme/node_modules</c>, installed by
/// <c>npm ci</c>) into <c>assets/</c>, so nothing comes from a CDN.
/// </summary>
public sealed class CopyNpmAssets : IOutputStep
{
    /// <summary>Package file (under node_modules) and where it goes in the site.</summary>
    public static IReadOnlyList<(string Package, string Output)> Files { get; } =
    [
        ("lunr/lunr.min.js", "assets/js/lunr.min.js"),
        ("@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff2", "assets/fonts/noto-serif-latin-400-normal.woff2"),
        ("@fontsource/noto-serif/files/noto-serif-latin-400-italic.woff2", "assets/fonts/noto-serif-latin-400-italic.woff2"),
        ("@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff2", "assets/fonts/noto-serif-latin-700-normal.woff2"),
        ("@fontsource/noto-serif/LICENSE", "assets/fonts/noto-serif-LICENSE.txt"),
    ];

    public string Name => "npm assets";

    public void Run(OutputContext context)
    {
        foreach (var (package, output) in Files)
        {
            var file = Path.Combine(context.Theme.NodeModules, package);
            if (File.Exists(file))
                context.Writer.Write(output, File.ReadAllBytes(file));
            else
                context.Report(new Diagnostic(Severity.Error, file, 1,
                    "a theme package file is missing; run 'npm ci' in the theme folder (the build command does it when node_modules is absent)"));
        }
    }
}
