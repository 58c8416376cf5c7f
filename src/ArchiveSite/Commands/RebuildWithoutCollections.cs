using System.Runtime;
using ArchiveSite.Build;

namespace ArchiveSite.Cli.Commands;

/// <summary>
/// A rebuild (the build cache holds a last build of this output folder, and something changed since) allocates its
/// first 256 MB without a garbage collection. A one-transcript change of the 1,000-transcript archive allocates about
/// 220 MB, and its collections (3 gen0, 3 gen1 and 2 gen2) stopped both cores for 63-77 ms of a 0.83-0.93 s build; with
/// none, 0.71-0.79 s (fresh processes, 6 alternating pairs, peak memory 276-287 MB either way). A rebuild that needs more
/// (a changed template, a bigger archive) goes on past the budget: the runtime ends the region and collects as usual.
/// A cold build is left as it is: it allocates 2.2 GB, and deferring its first collections saved nothing.
/// </summary>
public sealed class RebuildWithoutCollections : IDisposable
{
    const long Budget = 256L << 20;

    RebuildWithoutCollections()
    {
    }

    /// <summary>Starts the region for a rebuild; null for a cold or unchanged build, or when the runtime refuses it.</summary>
    public static RebuildWithoutCollections? Start(SinceLastBuild check)
    {
        if (!IsRebuild(check))
            return null;
        try
        {
            return GC.TryStartNoGCRegion(Budget) ? new RebuildWithoutCollections() : null;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Whether the build after <paramref name="check"/> rebuilds a site the cache knows, with something changed since.</summary>
    public static bool IsRebuild(SinceLastBuild check) => check.Unchanged is null && File.Exists(check.LastBuildFile);

    /// <summary>Ends the region when the rebuild stayed within the budget, so that a long-running process (serve) collects again.</summary>
    public void Dispose()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            GC.EndNoGCRegion();
    }
}
