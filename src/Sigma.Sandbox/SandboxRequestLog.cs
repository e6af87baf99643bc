namespace Sigma.Sandbox;

/// <summary>
/// What the sandbox was asked, for assertions. Thread-safe. It never holds a header, a body or a secret:
/// only method, path, a redacted query string and the status.
/// </summary>
public sealed class SandboxRequestLog
{
    private const string TokenPath = "/v2/auth/token";
    private readonly Lock _gate = new();
    private readonly List<SandboxRequest> _requests = [];
    private int _inFlight;
    private int _maxInFlight;

    internal SandboxRequestLog()
    {
    }

    /// <summary>Requests recorded since start or the last <see cref="Clear"/>, token requests included.</summary>
    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>
    /// The most requests the sandbox was answering at once (from arrival until the last byte of the answer), since
    /// start or the last <see cref="Clear"/>: what a client's concurrency limit looks like from Sigma's side.
    /// </summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests to <c>/v2/auth/token</c>.</summary>
    public int TokenRequests => Count(r => string.Equals(r.Path, TokenPath, StringComparison.Ordinal));

    /// <summary>Requests whose path contains <paramref name="pathContains"/> (ordinal, case-insensitive).</summary>
    public int Count(string pathContains)
    {
        ArgumentNullException.ThrowIfNull(pathContains);
        return Count(r => r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Requests with this HTTP method whose path contains <paramref name="pathContains"/>.</summary>
    public int Count(string method, string pathContains)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathContains);
        return Count(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
            && r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A copy of the log, oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    /// <summary>Forgets everything recorded so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }

        Volatile.Write(ref _maxInFlight, Volatile.Read(ref _inFlight));
    }

    internal void Started()
    {
        int now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
    }

    internal void Finished() => Interlocked.Decrement(ref _inFlight);

    internal void Record(SandboxRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    private int Count(Func<SandboxRequest, bool> predicate)
    {
        lock (_gate)
        {
            return _requests.Count(predicate);
        }
    }
}
