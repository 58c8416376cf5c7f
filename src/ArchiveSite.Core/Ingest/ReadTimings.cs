using System.Diagnostics;

namespace ArchiveSite.Ingest;

/// <summary>
/// Where reading time and memory go, pass by pass, summed over every file read with it: the read benchmark
/// prints it so that speed work starts from measured costs. Safe to share between threads.
/// </summary>
public sealed class ReadTimings
{
    readonly List<PassCost> passes = [];

    /// <param name="Allocated">Bytes allocated by the pass on the reading thread.</param>
    public sealed record PassCost(string Pass, TimeSpan Time, long Allocated, int Count);

    /// <summary>The passes in the order they first ran.</summary>
    public IReadOnlyList<PassCost> Passes
    {
        get
        {
            lock (passes)
                return [.. passes];
        }
    }

    internal void Add(string pass, long stopwatchTicks, long allocated)
    {
        var time = Stopwatch.GetElapsedTime(0, stopwatchTicks);
        lock (passes)
        {
            var index = passes.FindIndex(p => p.Pass == pass);
            if (index < 0)
                passes.Add(new PassCost(pass, time, allocated, 1));
            else
                passes[index] = passes[index] with
                {
                    Time = passes[index].Time + time, Allocated = passes[index].Allocated + allocated, Count = passes[index].Count + 1,
                };
        }
    }
}

/// <summary>Charges the time since the previous lap to a named pass; does nothing without timings.</summary>
internal ref struct PassClock
{
    readonly ReadTimings? timings;
    long timestamp;
    long allocated;

    public PassClock(ReadTimings? timings)
    {
        this.timings = timings;
        if (timings is null)
            return;
        timestamp = Stopwatch.GetTimestamp();
        allocated = GC.GetAllocatedBytesForCurrentThread();
    }

    public void Lap(string pass)
    {
        if (timings is null)
            return;
        var now = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        timings.Add(pass, now - timestamp, bytes - allocated);
        timestamp = Stopwatch.GetTimestamp();
        allocated = GC.GetAllocatedBytesForCurrentThread();
    }
}
