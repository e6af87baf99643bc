using System.Diagnostics;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// Names lease holders <c>host/pid/machine/random</c>, where <c>machine</c> identifies this boot of this kernel and
/// this process-id namespace (Linux: boot id and pid-namespace inode). Containers that share a host name get different
/// names, and a lease left by a process that died on this very machine can be taken over at once instead of after it
/// expires; a holder elsewhere (even with the same host name) is never judged by a local process id.
/// </summary>
internal static class LeaseHolder
{
    private static readonly Lazy<string> s_machine = new(MachineIdentity);

    public static string ForThisProcess() => For(Environment.ProcessId);

    /// <summary>A holder name for process <paramref name="processId"/> on this machine (tests use a dead one).</summary>
    public static string For(int processId) =>
        $"{Environment.MachineName}/{processId}/{s_machine.Value}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>True when <paramref name="holder"/> names a process on this same machine that is no longer running.</summary>
    public static bool IsDeadLocalProcess(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length != 4 || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(parts[2], s_machine.Value, StringComparison.Ordinal)
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

    // Short, stable for this boot and pid namespace, and without '/'.
    private static string MachineIdentity()
    {
        var boot = Read("/proc/sys/kernel/random/boot_id") ?? "";
        var pidNamespace = ReadLink("/proc/self/ns/pid") ?? "";

        // Without /proc (Windows, macOS) both are empty: the host name alone then names the machine, as before.
        var hash = NameHash.Sha256(System.Text.Encoding.UTF8.GetBytes(boot + "|" + pidNamespace));
        return Convert.ToHexStringLower(hash)[..10];
    }

    private static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
