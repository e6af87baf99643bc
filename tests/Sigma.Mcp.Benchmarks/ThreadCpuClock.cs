using System.Runtime.InteropServices;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux), which a busy shared machine inflates far less than wall time: a search
/// waiting for a core is not charged for the wait.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux();

    /// <summary>Microseconds of CPU this thread has used.</summary>
    public static double Microseconds()
    {
        if (ClockGetTime(ThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (time.Seconds * 1e6) + (time.Nanoseconds / 1e3);
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
