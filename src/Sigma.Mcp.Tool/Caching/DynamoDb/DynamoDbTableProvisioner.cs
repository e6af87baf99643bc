using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>Creates the cache's table and checks an existing one's keys (<c>sigma-mcp cache init</c>, and every refresh).</summary>
internal sealed partial class DynamoDbTableProvisioner(IAmazonDynamoDB client, string tableName, string where, ILogger logger)
{
    private static readonly TimeSpan s_activeTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Creates the table (on-demand, <c>pk</c> + <c>sk</c>) unless it exists, and waits until it can be used.
    /// Idempotent, and safe when several processes do it at once.
    /// </summary>
    /// <exception cref="CacheUnavailableException">The table has other keys, is unusable, or did not become active.</exception>
    public async Task EnsureExistsAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var table = await DescribeAsync(cancellationToken);
            if (table is null)
            {
                await CreateAsync(cancellationToken);
            }
            else if (table.TableStatus == TableStatus.ACTIVE || table.TableStatus == TableStatus.UPDATING)
            {
                CheckKeys(table);
                return;
            }
            else if (table.TableStatus != TableStatus.CREATING && table.TableStatus != TableStatus.DELETING)
            {
                throw new CacheUnavailableException($"DynamoDB table '{tableName}' in {where} is {table.TableStatus}, so the cache cannot use it.");
            }

            if (Stopwatch.GetElapsedTime(started) > s_activeTimeout)
            {
                throw new CacheUnavailableException(
                    $"DynamoDB table '{tableName}' in {where} did not become ACTIVE within {s_activeTimeout.TotalMinutes:0} minutes " +
                    $"(it is {table?.TableStatus?.Value ?? "missing"}). Check it in the AWS console and run `sigma-mcp cache init` again.");
            }

            // Real time, not the cache's TimeProvider: waiting for AWS must work under a test's fake clock.
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
        }
    }

    private async Task<TableDescription?> DescribeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (DynamoDbErrors.Explain(e, tableName, where) is { } explained)
        {
            throw explained;
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition(TableSchema.PartitionKey, ScalarAttributeType.S),
                new AttributeDefinition(TableSchema.SortKey, ScalarAttributeType.S),
            ],
            KeySchema =
            [
                new KeySchemaElement(TableSchema.PartitionKey, KeyType.HASH),
                new KeySchemaElement(TableSchema.SortKey, KeyType.RANGE),
            ],
        };
        try
        {
            await client.CreateTableAsync(request, cancellationToken);
            LogCreated(logger, tableName, where);
        }
        catch (ResourceInUseException)
        {
            // Another process created it first; wait for it like for our own.
        }
        catch (Exception e) when (DynamoDbErrors.Explain(e, tableName, where) is { } explained)
        {
            throw explained;
        }
    }

    private void CheckKeys(TableDescription table)
    {
        var keys = table.KeySchema ?? [];
        var types = (table.AttributeDefinitions ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType?.Value, StringComparer.Ordinal);
        var matches = keys.Count == 2
            && keys.Any(k => k.AttributeName == TableSchema.PartitionKey && k.KeyType == KeyType.HASH)
            && keys.Any(k => k.AttributeName == TableSchema.SortKey && k.KeyType == KeyType.RANGE)
            && types.GetValueOrDefault(TableSchema.PartitionKey) == "S"
            && types.GetValueOrDefault(TableSchema.SortKey) == "S";
        if (!matches)
        {
            throw new CacheUnavailableException(
                $"DynamoDB table '{tableName}' in {where} exists but is not a sigma-mcp cache table: its keys must be 'pk' (string, partition key) " +
                "and 'sk' (string, sort key). Set CACHE_TABLE_NAME to another table.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created DynamoDB table {Table} in {where}")]
    private static partial void LogCreated(ILogger logger, string table, string where);
}
