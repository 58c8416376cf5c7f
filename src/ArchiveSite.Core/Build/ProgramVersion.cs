using System.Reflection;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// Identifies the program for the build cache: the module version id of this assembly (it changes with any
/// change to the code) and the full names of every assembly it references (a package update changes them),
/// so a new build of the program never trusts what an older one cached.
/// </summary>
public static class ProgramVersion
{
    public static string Hash { get; } = Compute();

    static string Compute()
    {
        var core = typeof(ProgramVersion).Assembly;
        var lunr = typeof(Lunr.Builder).Assembly;
        return ContentHash.OfParts(
        [
            core.ManifestModule.ModuleVersionId.ToString(),
            lunr.ManifestModule.ModuleVersionId.ToString(),
            .. core.GetReferencedAssemblies().Select(a => a.FullName).Order(StringComparer.Ordinal),
        ]);
    }
}
