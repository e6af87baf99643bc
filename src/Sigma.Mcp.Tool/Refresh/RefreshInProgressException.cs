using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Refresh;

/// <summary>Another refresh of the same organization holds the lease. The message says who and until when.</summary>
internal sealed class RefreshInProgressException(RefreshLease heldBy)
    : Exception($"Another refresh of this organization's cache is running ({heldBy.Holder}, lease until {heldBy.ExpiresAt:u}). Nothing was changed; try again when it has finished.")
{
    public RefreshLease HeldBy { get; } = heldBy;
}
