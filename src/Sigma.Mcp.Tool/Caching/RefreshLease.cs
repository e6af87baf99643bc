namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// The right to refresh one organization's cache until <see cref="ExpiresAt"/>; renewed while a refresh runs.
/// <see cref="Holder"/> names who holds it: host, process id and a random part, e.g. <c>laptop/4242/9f1c</c>.
/// </summary>
internal sealed record RefreshLease(string OrganizationId, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);

/// <summary>The outcome of asking for a lease: granted, or held by someone else (and until when).</summary>
internal sealed record LeaseResult(RefreshLease? Granted, RefreshLease? HeldBy)
{
    public bool IsGranted => Granted is not null;
}
