using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>
/// The DynamoDB calls of the cache, for one table: every query page to the end, batch writes of at most 25 with
/// their unprocessed items retried, and service errors turned into <see cref="CacheUnavailableException"/>. Only
/// operations that dynalite implements too (no transactions, no PartiQL), so tests run the production code.
/// </summary>
internal sealed partial class DynamoDbTable(IAmazonDynamoDB client, string tableName, ILogger logger)
{
    private const int BatchSize = 25;
    private const int ParallelBatches = 4;
    private const int MaxBatchAttempts = 15;
    private static readonly ReturnConsumedCapacity s_total = ReturnConsumedCapacity.TOTAL;

    /// <summary>Capacity units DynamoDB reports for this table's calls, so costs are measured rather than estimated.</summary>
    public CapacityMeter Consumed { get; } = new();

    /// <summary>The region (and endpoint, when one is set) for messages.</summary>
    public string Where => client.Config.ServiceURL is { Length: > 0 } url
        ? $"region '{client.Config.AuthenticationRegion ?? client.Config.RegionEndpoint?.SystemName ?? "us-east-1"}' at {url}"
        : $"region '{client.Config.RegionEndpoint?.SystemName ?? "(none)"}'";

    /// <summary>A consistent read of one item, or null.</summary>
    public async Task<Dictionary<string, AttributeValue>?> GetAsync(string partition, string sortKey, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = tableName, Key = ItemCodec.Key(partition, sortKey), ConsistentRead = true, ReturnConsumedCapacity = s_total };
        var response = await CallAsync(c => client.GetItemAsync(request, c), cancellationToken);
        Consumed.AddRead(response.ConsumedCapacity);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>
    /// Writes one item, when <paramref name="condition"/> (if any; its <c>#name</c> placeholders are attribute names)
    /// holds; false when it did not.
    /// </summary>
    public async Task<bool> PutAsync(
        Dictionary<string, AttributeValue> item, string? condition, Dictionary<string, AttributeValue>? values, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = item,
            ConditionExpression = condition,
            ExpressionAttributeNames = Names(condition),
            ExpressionAttributeValues = values,
            ReturnConsumedCapacity = s_total,
        };
        try
        {
            Consumed.AddWrite((await CallAsync(c => client.PutItemAsync(request, c), cancellationToken)).ConsumedCapacity);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies <paramref name="update"/> to one item (creating it if need be) when <paramref name="condition"/> holds:
    /// the item as it is afterwards, or null when the condition did not hold.
    /// </summary>
    public async Task<Dictionary<string, AttributeValue>?> UpdateAsync(
        string partition, string sortKey, string update, string? condition, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = ItemCodec.Key(partition, sortKey),
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeNames = Names(update, condition),
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
            ReturnConsumedCapacity = s_total,
        };
        try
        {
            var response = await CallAsync(c => client.UpdateItemAsync(request, c), cancellationToken);
            Consumed.AddWrite(response.ConsumedCapacity);
            return response.Attributes ?? [];
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Deletes one item, when <paramref name="condition"/> (if any) holds; false when it did not.</summary>
    public async Task<bool> DeleteAsync(
        string partition, string sortKey, string? condition, Dictionary<string, AttributeValue>? values, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest
        {
            TableName = tableName,
            Key = ItemCodec.Key(partition, sortKey),
            ConditionExpression = condition,
            ExpressionAttributeNames = Names(condition),
            ExpressionAttributeValues = values,
            ReturnConsumedCapacity = s_total,
        };
        try
        {
            Consumed.AddWrite((await CallAsync(c => client.DeleteItemAsync(request, c), cancellationToken)).ConsumedCapacity);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Every item of <paramref name="partition"/> that <paramref name="sortKeyCondition"/> (on <c>#sk</c>; null for the
    /// whole partition) and <paramref name="filter"/> select, page after page until <c>LastEvaluatedKey</c> is empty,
    /// with consistent reads. Filtered-out items are read, and billed, all the same.
    /// </summary>
    public async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAsync(
        string partition,
        string? sortKeyCondition,
        Dictionary<string, AttributeValue>? values,
        string? filter = null,
        bool keysOnly = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var keyCondition = "#pk = :pk" + (sortKeyCondition is null ? "" : " AND " + sortKeyCondition);
        var projection = keysOnly ? "#pk, #sk" : null;
        var request = new QueryRequest
        {
            TableName = tableName,
            ConsistentRead = true,
            KeyConditionExpression = keyCondition,
            FilterExpression = filter,
            ProjectionExpression = projection,
            ExpressionAttributeNames = Names(keyCondition, filter, projection),
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(values ?? []) { [":pk"] = ItemCodec.S(partition) },
            ReturnConsumedCapacity = s_total,
        };
        do
        {
            var response = await CallAsync(c => client.QueryAsync(request, c), cancellationToken);
            Consumed.AddRead(response.ConsumedCapacity);
            foreach (var item in response.Items ?? [])
            {
                yield return item;
            }

            // AWSSDK v4 gives null on the last page (v3 gave an empty dictionary); either means done.
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
    }

    /// <summary>
    /// Applies every request, 25 per BatchWriteItem, a few batches at a time, retrying unprocessed items with back-off
    /// until none are left. <paramref name="requests"/> must not name one key twice.
    /// </summary>
    public Task WriteAsync(IReadOnlyList<WriteRequest> requests, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            requests.Chunk(BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelBatches, CancellationToken = cancellationToken },
            async (batch, c) => await WriteBatchAsync([.. batch], c));

    private async Task WriteBatchAsync(List<WriteRequest> pending, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = new BatchWriteItemRequest { RequestItems = new() { [tableName] = pending }, ReturnConsumedCapacity = s_total };
            var response = await CallAsync(c => client.BatchWriteItemAsync(request, c), cancellationToken);
            foreach (var consumed in response.ConsumedCapacity ?? [])
            {
                Consumed.AddWrite(consumed);
            }

            if (response.UnprocessedItems?.GetValueOrDefault(tableName) is not { Count: > 0 } unprocessed)
            {
                return;
            }

            if (attempt == MaxBatchAttempts)
            {
                throw new CacheUnavailableException(
                    $"DynamoDB kept {unprocessed.Count} writes to table '{tableName}' unprocessed after {attempt} attempts (throttled). " +
                    "Try again later, or give the table more capacity.");
            }

            LogUnprocessed(logger, unprocessed.Count, tableName, attempt);
            pending = unprocessed;

            // Real time, not the cache's TimeProvider: the back-off must pass even under a test's fake clock.
            var backOff = Math.Min(2_000, 25 << attempt) * (0.5 + (Random.Shared.NextDouble() / 2));
            await Task.Delay(TimeSpan.FromMilliseconds(backOff), cancellationToken);
        }
    }

    /// <summary>Runs one DynamoDB call, turning service and configuration errors into messages that say what to do.</summary>
    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception e) when (DynamoDbErrors.Explain(e, tableName, Where) is { } explained)
        {
            throw explained;
        }
    }

    /// <summary><c>#name</c> placeholders are the attribute names themselves; DynamoDB refuses unused ones.</summary>
    private static Dictionary<string, string>? Names(params string?[] expressions)
    {
        var names = expressions.OfType<string>().SelectMany(e => PlaceholderPattern().Matches(e)).Select(m => m.Value).Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p, p => p[1..], StringComparer.Ordinal);
        return names.Count == 0 ? null : names;
    }

    [GeneratedRegex(@"#\w+")]
    private static partial Regex PlaceholderPattern();

    [LoggerMessage(Level = LogLevel.Debug, Message = "DynamoDB left {Count} writes to table {Table} unprocessed (attempt {Attempt}); retrying")]
    private static partial void LogUnprocessed(ILogger logger, int count, string table, int attempt);
}
