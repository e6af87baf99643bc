using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>
/// The refresh lease of <see cref="DynamoDbCache"/>: attributes of the organization's metadata item, changed with
/// conditional <c>UpdateItem</c>s, so that the publish and the generation counter (updates of the same item, under
/// <see cref="HeldCondition"/>) are fenced by the lease atomically.
/// </summary>
internal sealed partial class DynamoDbLeases(DynamoDbTable table, string tableName, TimeProvider time, ILogger logger)
{
    private const int MaxLeaseAttempts = 5;

    // The stored lease is this one: same holder, same epoch.
    public const string HeldCondition = "#holder = :holder AND #epoch = :epoch";

    public async Task<LeaseResult> TryAcquireAsync(string organizationId, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        ArgumentException.ThrowIfNullOrEmpty(holder);

        // The lease can change between a refused write and the read that says who holds it; then try again.
        for (var attempt = 0; attempt < MaxLeaseAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var values = TakeValues(holder, now, duration);
            values[":nowMs"] = ItemCodec.N(now.ToUnixTimeMilliseconds());
            if (await TakeAsync(organizationId, "attribute_not_exists(#holder) OR #expiresAt < :nowMs OR #holder = :holder", values, cancellationToken) is { } taken)
            {
                return new LeaseResult(taken, null);
            }

            if (await ReadLeaseAsync(organizationId, cancellationToken) is not { } current)
            {
                continue;
            }

            if (!LeaseHolder.IsDeadLocalProcess(current.Holder))
            {
                return new LeaseResult(null, current);
            }

            // Its process on this machine is gone: take over now rather than when it expires, unless another process just did.
            var takeOver = TakeValues(holder, now, duration);
            takeOver[":dead"] = ItemCodec.S(current.Holder);
            takeOver[":deadEpoch"] = ItemCodec.N(current.Epoch);
            if (await TakeAsync(organizationId, "#holder = :dead AND #epoch = :deadEpoch", takeOver, cancellationToken) is { } lease)
            {
                LogTakenOver(logger, organizationId, current.Holder);
                return new LeaseResult(lease, null);
            }
        }

        throw new CacheUnavailableException(
            $"The refresh lease of organization '{organizationId}' kept changing hands in DynamoDB table '{tableName}'; try the refresh again.");
    }

    public async Task RenewAsync(RefreshLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var values = Held(lease);
        values[":expires"] = ItemCodec.N((time.GetUtcNow() + duration).ToUnixTimeMilliseconds());
        if (await table.UpdateAsync(TableSchema.Partition(lease.OrganizationId), TableSchema.MetadataSortKey, "SET #expiresAt = :expires", HeldCondition, values, cancellationToken) is null)
        {
            throw await LostAsync(lease, cancellationToken);
        }
    }

    public async Task ReleaseAsync(RefreshLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);

        // Expired rather than removed: the epoch must keep growing.
        var values = Held(lease);
        values[":zero"] = ItemCodec.N(0);
        await table.UpdateAsync(TableSchema.Partition(lease.OrganizationId), TableSchema.MetadataSortKey, "SET #expiresAt = :zero", HeldCondition, values, cancellationToken);
    }


    /// <summary>Throws <see cref="LeaseLostException"/> unless <paramref name="lease"/> is still the stored one.</summary>
    public async Task EnsureHeldAsync(RefreshLease lease, CancellationToken cancellationToken)
    {
        var current = await ReadLeaseAsync(lease.OrganizationId, cancellationToken);
        if (current is null || current.Holder != lease.Holder || current.Epoch != lease.Epoch)
        {
            throw LeaseLostException.To(current?.Holder);
        }
    }

    /// <summary>The error for a lease that is no longer the stored one, naming who holds it now.</summary>
    public async Task<LeaseLostException> LostAsync(RefreshLease lease, CancellationToken cancellationToken)
    {
        var current = await ReadLeaseAsync(lease.OrganizationId, cancellationToken);
        return LeaseLostException.To(current?.Holder);
    }

    private async Task<RefreshLease?> TakeAsync(
        string organizationId, string condition, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        var item = await table.UpdateAsync(TableSchema.Partition(organizationId), TableSchema.MetadataSortKey,
            "SET #holder = :holder, #acquiredAt = :acquired, #expiresAt = :expires ADD #epoch :one", condition, values, cancellationToken);
        return item is null ? null : ItemCodec.ReadLease(organizationId, item);
    }

    private static Dictionary<string, AttributeValue> TakeValues(string holder, DateTimeOffset now, TimeSpan duration) => new()
    {
        [":holder"] = ItemCodec.S(holder),
        [":acquired"] = ItemCodec.N(now.ToUnixTimeMilliseconds()),
        [":expires"] = ItemCodec.N((now + duration).ToUnixTimeMilliseconds()),
        [":one"] = ItemCodec.N(1),
    };

    /// <summary>The values <see cref="HeldCondition"/> compares with.</summary>
    public static Dictionary<string, AttributeValue> Held(RefreshLease lease) => new()
    {
        [":holder"] = ItemCodec.S(lease.Holder),
        [":epoch"] = ItemCodec.N(lease.Epoch),
    };

    private async Task<RefreshLease?> ReadLeaseAsync(string organizationId, CancellationToken cancellationToken)
    {
        var item = await table.GetAsync(TableSchema.Partition(organizationId), TableSchema.MetadataSortKey, cancellationToken);
        return item is null ? null : ItemCodec.ReadLease(organizationId, item);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over the refresh lease of organization {OrganizationId} from {Holder}, whose process is gone")]
    private static partial void LogTakenOver(ILogger logger, string organizationId, string holder);
}
