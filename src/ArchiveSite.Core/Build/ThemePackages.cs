using System.ComponentModel;
using System.Diagnostics;
using ArchiveSite.Site;

namespace ArchiveSite.Build;

/// <summary>
/// Installs the theme's npm packages (lunr.js, fonts) with <c>npm ci</c> when <c>node_modules</c> is missing,
/// so a fresh clone builds with only the .NET SDK and Node/npm installed.
/// </summary>
public static class ThemePackages
{
    /// <summary>Null when the packages are there (or were just installed); otherwise what went wrong.</summary>
    public static string? EnsureInstalled(ThemeFolder theme, Action<string> log)
    {
        if (Directory.Exists(theme.NodeModules) || !File.Exists(Path.Combine(theme.Root, "package.json")))
            return null;
        log($"installing the theme's npm packages (npm ci in {theme.Root})");
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = theme.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var npm = Process.Start(start)!;
            var stderr = npm.StandardError.ReadToEndAsync();
            npm.StandardOutput.ReadToEnd();
            npm.WaitForExit();
            return npm.ExitCode == 0 ? null : $"npm ci failed in {theme.Root} (exit code {npm.ExitCode}): {stderr.Result.Trim()}";
        }
        catch (Win32Exception)
        {
            return $"npm was not found; install Node.js and npm, or run 'npm ci' in {theme.Root} yourself";
        }
    }
}
