using System.Diagnostics;

namespace ArchiveSite.Bench;

/// <summary>
/// Wall and CPU time of the named parts of one run, each after a full collection so that garbage of the part
/// before is not collected in its time; <see cref="KeepFastest"/> keeps each part's fastest of several runs.
/// </summary>
sealed class Timings
{
    readonly Dictionary<string, (TimeSpan Wall, TimeSpan Cpu, long Allocated, int Collections)> _parts = [];

    public T Time<T>(string part, Func<T> work)
    {
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var result = work();
        _parts[part] = (clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu,
            GC.GetTotalAllocatedBytes(precise: true) - allocated, GC.CollectionCount(2) - collections);
        return result;
    }

    public void KeepFastest(Timings run)
    {
        foreach (var (part, time) in run._parts)
            if (!_parts.TryGetValue(part, out var best) || time.Wall < best.Wall)
                _parts[part] = time;
    }

    /// <summary>Bytes allocated and full collections are shown too: unlike time, load does not change them.</summary>
    public override string ToString() =>
        string.Join(", ", _parts.Select(p => $"{p.Key} {p.Value.Wall.TotalSeconds:F3} s (CPU {p.Value.Cpu.TotalSeconds:F3}, {p.Value.Allocated / 1048576.0:F0} MB allocated, {p.Value.Collections} gen2)")) +
        $"; in all {_parts.Values.Sum(p => p.Wall.TotalSeconds):F3} s (CPU {_parts.Values.Sum(p => p.Cpu.TotalSeconds):F3})";
}
