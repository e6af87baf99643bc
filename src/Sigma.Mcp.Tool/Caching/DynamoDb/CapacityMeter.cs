using Amazon.DynamoDBv2.Model;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>
/// Sums the capacity units DynamoDB reports (ReturnConsumedCapacity TOTAL) for one table: what a refresh or a read
/// really costs, for the benchmark and the cost table in docs/dynamodb-table.md.
/// </summary>
internal sealed class CapacityMeter
{
    private long _readMilliUnits;
    private long _writeMilliUnits;

    public double ReadUnits => Interlocked.Read(ref _readMilliUnits) / 1000.0;

    public double WriteUnits => Interlocked.Read(ref _writeMilliUnits) / 1000.0;

    public void AddRead(ConsumedCapacity? consumed) => Add(ref _readMilliUnits, consumed);

    public void AddWrite(ConsumedCapacity? consumed) => Add(ref _writeMilliUnits, consumed);

    private static void Add(ref long total, ConsumedCapacity? consumed)
    {
        if (consumed?.CapacityUnits is { } units)
        {
            Interlocked.Add(ref total, (long)Math.Round(units * 1000));
        }
    }
}
