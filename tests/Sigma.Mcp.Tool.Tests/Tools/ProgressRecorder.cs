using ModelContextProtocol;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// Records progress notifications as they arrive (synchronously, unlike <see cref="Progress{T}"/>), and completes
/// <see cref="Finished"/> at the first one <paramref name="isLast"/> accepts: notifications may arrive after the
/// tool's response, so a test waits on it rather than on time.
/// </summary>
internal sealed class ProgressRecorder(Func<ProgressNotificationValue, bool> isLast) : IProgress<ProgressNotificationValue>
{
    private readonly Lock _gate = new();
    private readonly List<ProgressNotificationValue> _values = [];
    private readonly TaskCompletionSource<ProgressNotificationValue> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ProgressNotificationValue> Finished => _finished.Task;

    public IReadOnlyList<ProgressNotificationValue> Values
    {
        get
        {
            lock (_gate)
            {
                return [.. _values];
            }
        }
    }

    public void Report(ProgressNotificationValue value)
    {
        lock (_gate)
        {
            _values.Add(value);
        }

        if (isLast(value))
        {
            _finished.TrySetResult(value);
        }
    }
}
