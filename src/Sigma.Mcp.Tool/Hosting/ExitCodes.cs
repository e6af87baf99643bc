namespace Sigma.Mcp.Tool.Hosting;

/// <summary>The process exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The operation failed: Sigma unreachable, heartbeat unhealthy, a demo step failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or configuration: nothing was attempted.</summary>
    public const int Usage = 2;
}
