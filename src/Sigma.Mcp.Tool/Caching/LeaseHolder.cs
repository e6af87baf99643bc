using System.Diagnostics;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// Names lease holders <c>host/pid/random</c>, so that a lease left by a process that was killed on this same host
/// can be taken over at once instead of after it expires.
/// </summary>
internal static class LeaseHolder
{
    public static string ForThisProcess() =>
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>True when <paramref name="holder"/> names a process on this host that is no longer running.</summary>
    public static bool IsDeadLocalProcess(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length != 3 || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(parts[1], out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }
}
