using System.Diagnostics;

namespace ArchiveSite.Build;

/// <summary>
/// Process and PostProcess, run when an output step first needs the archive or the pages. A rebuild whose
/// output steps all keep their files from the last build (nothing they are made from changed) never needs
/// them, and so skips the two phases. Thread-safe: the phases run once, and steps that need them meanwhile wait.
/// </summary>
public sealed class SiteSource
{
    readonly Lazy<SiteModel> _site;
    long _makingStarted;
    long _makingEnded;

    public SiteSource(Func<SiteModel> make) =>
        _site = new Lazy<SiteModel>(() =>
        {
            Volatile.Write(ref _makingStarted, Stopwatch.GetTimestamp());
            var site = make();
            Volatile.Write(ref _makingEnded, Stopwatch.GetTimestamp());
            return site;
        });

    public static SiteSource Of(SiteModel site) => new(() => site);

    public SiteModel Value => _site.Value;

    public bool IsMade => _site.IsValueCreated;

    /// <summary>
    /// How much of the time between two timestamps went to making the site (a step that needed it waited that
    /// long), to leave out of that step's time: the phases are timed on their own.
    /// </summary>
    public TimeSpan MakingTimeBetween(long from, long to)
    {
        var started = Volatile.Read(ref _makingStarted);
        if (started == 0)
            return TimeSpan.Zero;
        var ended = Volatile.Read(ref _makingEnded);
        var overlap = Math.Min(to, ended == 0 ? to : ended) - Math.Max(from, started);
        return overlap > 0 ? Stopwatch.GetElapsedTime(0, overlap) : TimeSpan.Zero;
    }
}
