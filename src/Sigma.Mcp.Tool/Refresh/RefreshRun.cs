using System.Threading.Channels;

namespace Sigma.Mcp.Tool.Refresh;

/// <summary>
/// One refresh running in the background of the server (see <see cref="BackgroundRefresh"/>): its progress so far,
/// its outcome, and the callers watching it. Progress goes to every watcher in the order reported.
/// </summary>
internal sealed class RefreshRun(DateTimeOffset startedAt) : IProgress<RefreshProgress>
{
    private readonly Lock _gate = new();
    private readonly List<ChannelWriter<RefreshProgress>> _watchers = [];
    private RefreshProgress? _latest;
    private int _reported;

    public DateTimeOffset StartedAt => startedAt;

    /// <summary>The refresh; faults with its error.</summary>
    public Task<RefreshSummary> Completion { get; set; } = null!;

    /// <summary>The last progress reported, or null before the first.</summary>
    public RefreshProgress? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>When the run ended, or null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>True once a caller was given the outcome.</summary>
    public bool Reported => Volatile.Read(ref _reported) == 1;

    /// <summary>Marks the outcome as given to a caller; true for the first caller only.</summary>
    public bool MarkReported() => Interlocked.Exchange(ref _reported, 1) == 0;

    public void Report(RefreshProgress value)
    {
        lock (_gate)
        {
            _latest = value;
            foreach (var watcher in _watchers)
            {
                watcher.TryWrite(value);
            }
        }
    }

    /// <summary>Progress from now on (the latest first), until the run ends or <paramref name="stop"/> is disposed.</summary>
    public ChannelReader<RefreshProgress> Watch(out IDisposable stop)
    {
        var channel = Channel.CreateUnbounded<RefreshProgress>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_latest is { } latest)
            {
                channel.Writer.TryWrite(latest);
            }

            if (Completion.IsCompleted)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _watchers.Add(channel.Writer);
            }
        }

        stop = new Unwatch(this, channel.Writer);
        return channel.Reader;
    }

    /// <summary>Ends every watcher's stream: the run is over.</summary>
    public void Finish(DateTimeOffset at)
    {
        lock (_gate)
        {
            FinishedAt = at;
            _watchers.ForEach(w => w.TryComplete());
            _watchers.Clear();
        }
    }

    private sealed class Unwatch(RefreshRun run, ChannelWriter<RefreshProgress> writer) : IDisposable
    {
        public void Dispose()
        {
            lock (run._gate)
            {
                run._watchers.Remove(writer);
            }

            writer.TryComplete();
        }
    }
}
