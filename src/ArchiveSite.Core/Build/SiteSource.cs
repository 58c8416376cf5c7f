using System.Diagnostics;

namespace ArchiveSite.Build;

/// <summary>
/// Process and PostProcess, run when an output step first needs the archive or the pages. A rebuild whose
/// output steps all keep their files from the last build (nothing they are made from changed) never needs
/// them, and so skips the two phases. Thread-safe: the phases run once.
/// </summary>
public sealed class SiteSource
{
    readonly Lazy<SiteModel> _site;
    long _makingTicks;

    public SiteSource(Func<SiteModel> make) =>
        _site = new Lazy<SiteModel>(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var site = make();
            Interlocked.Add(ref _makingTicks, Stopwatch.GetTimestamp() - started);
            return site;
        });

    public static SiteSource Of(SiteModel site) => new(() => site);

    public SiteModel Value => _site.Value;

    public bool IsMade => _site.IsValueCreated;

    /// <summary>Time spent making the site so far, to leave out of the time of the step that needed it first.</summary>
    public TimeSpan MakingTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _makingTicks));
}
