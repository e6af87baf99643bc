namespace Sigma.Mcp.Tool.Caching;

/// <summary>The outcome of asking for a lease: granted, or held by someone else (and until when).</summary>
internal sealed record LeaseResult(RefreshLease? Granted, RefreshLease? HeldBy)
{
    public bool IsGranted => Granted is not null;
}
