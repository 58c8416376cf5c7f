using System.Runtime.InteropServices;

namespace ArchiveSite.Bench;

/// <summary>
/// CPU time of the calling thread (Linux), for timing one thread's work on a machine shared with other jobs,
/// where the wall clock also counts the time the thread waited for a core. NaN where unavailable.
/// </summary>
static class ThreadCpuClock
{
    const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out TimeSpec time);

    public static double NowMs()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var time) != 0)
            return double.NaN;
        return time.Seconds * 1000.0 + time.Nanoseconds / 1e6;
    }
}
