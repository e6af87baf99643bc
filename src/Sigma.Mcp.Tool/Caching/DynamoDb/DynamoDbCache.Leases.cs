using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>The refresh lease: one item per organization, taken and renewed with conditional writes.</summary>
internal sealed partial class DynamoDbCache
{
    private const int MaxLeaseAttempts = 5;

    public async Task<LeaseResult> TryAcquireLeaseAsync(string organizationId, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var partition = Partition(organizationId);

        // The lease can change between a refused write and the read that says who holds it; then try again.
        for (var attempt = 0; attempt < MaxLeaseAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var lease = new RefreshLease(organizationId, holder, now, now + duration);
            var item = ItemCodec.LeaseItem(partition, lease);
            var values = new Dictionary<string, AttributeValue>
            {
                [":now"] = ItemCodec.N(now.ToUnixTimeMilliseconds()),
                [":holder"] = ItemCodec.S(holder),
            };
            if (await _table.PutAsync(item, "attribute_not_exists(#pk) OR #expiresAt < :now OR #holder = :holder", values, cancellationToken))
            {
                return new LeaseResult(lease, null);
            }

            if (await ReadLeaseAsync(organizationId, cancellationToken) is not { } current)
            {
                continue;
            }

            if (!LeaseHolder.IsDeadLocalProcess(current.Holder))
            {
                return new LeaseResult(null, current);
            }

            // Its process on this host is gone: take over now rather than when it expires, unless another process just did.
            var dead = new Dictionary<string, AttributeValue> { [":dead"] = ItemCodec.S(current.Holder) };
            if (await _table.PutAsync(item, "#holder = :dead", dead, cancellationToken))
            {
                LogTakenOver(logger, organizationId, current.Holder);
                return new LeaseResult(lease, null);
            }
        }

        throw new CacheUnavailableException(
            $"The refresh lease of organization '{organizationId}' kept changing hands in DynamoDB table '{tableName}'; try the refresh again.");
    }

    public Task<bool> RenewLeaseAsync(RefreshLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var renewed = lease with { ExpiresAt = time.GetUtcNow() + duration };
        var values = new Dictionary<string, AttributeValue> { [":holder"] = ItemCodec.S(lease.Holder) };
        return _table.PutAsync(ItemCodec.LeaseItem(Partition(lease.OrganizationId), renewed), "#holder = :holder", values, cancellationToken);
    }

    public async Task ReleaseLeaseAsync(RefreshLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var values = new Dictionary<string, AttributeValue> { [":holder"] = ItemCodec.S(lease.Holder) };
        await _table.DeleteAsync(Partition(lease.OrganizationId), TableSchema.LeaseSortKey, "#holder = :holder", values, cancellationToken);
    }

    private async Task<RefreshLease?> ReadLeaseAsync(string organizationId, CancellationToken cancellationToken)
    {
        var item = await _table.GetAsync(Partition(organizationId), TableSchema.LeaseSortKey, cancellationToken);
        return item is null ? null : ItemCodec.ReadLease(organizationId, item);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over the refresh lease of organization {OrganizationId} from {Holder}, whose process is gone")]
    private static partial void LogTakenOver(ILogger logger, string organizationId, string holder);
}
