namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// The right to refresh one organization's cache until <see cref="ExpiresAt"/>; renewed while a refresh runs.
/// <see cref="Holder"/> names who holds it (see <see cref="LeaseHolder"/>). <see cref="Epoch"/> is the fencing token:
/// it grows by one every time the lease is taken, and every write of a refresh and its publish succeed only while the
/// stored lease still has this holder and this epoch.
/// </summary>
internal sealed record RefreshLease(string OrganizationId, string Holder, long Epoch, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);
