namespace Sigma.Sandbox.Faults;

/// <summary>
/// One armed fault: either "the next <c>count</c> matching requests" or "every n-th matching request".
/// Not thread-safe on its own; <see cref="SandboxFaults"/> calls it under its lock.
/// </summary>
internal sealed class FaultRule
{
    private readonly int _everyNth;
    private int _remaining;
    private long _seen;

    private FaultRule(SandboxFault fault, string? pathContains, int everyNth, int remaining)
    {
        Fault = fault;
        PathContains = pathContains;
        _everyNth = everyNth;
        _remaining = remaining;
    }

    public SandboxFault Fault { get; }

    public string? PathContains { get; }

    /// <summary>A <c>FailNext</c> rule is spent once its count reaches zero and can be dropped.</summary>
    public bool IsSpent => IsCountdown && _remaining <= 0;

    /// <summary>True for a <c>FailNext</c> rule, false for a <c>FailEveryNth</c> rule.</summary>
    public bool IsCountdown => _everyNth == 0;

    public static FaultRule Next(int count, SandboxFault fault, string? pathContains) => new(fault, pathContains, 0, count);

    public static FaultRule EveryNth(int n, SandboxFault fault, string? pathContains) => new(fault, pathContains, n, 0);

    /// <summary>
    /// Token requests are left alone unless the rule names them, so "fail every 3rd request" tests the data
    /// calls rather than starving the client of tokens.
    /// </summary>
    public bool Matches(string path, bool isTokenRequest) => PathContains is null
        ? !isTokenRequest
        : path.Contains(PathContains, StringComparison.OrdinalIgnoreCase);

    /// <summary>Counts a matching request and says whether this one gets the fault.</summary>
    public bool Fire()
    {
        if (_everyNth > 0)
        {
            return ++_seen % _everyNth == 0;
        }

        if (_remaining <= 0)
        {
            return false;
        }

        _remaining--;
        return true;
    }
}
