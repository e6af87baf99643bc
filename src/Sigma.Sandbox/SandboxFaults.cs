using Sigma.Sandbox.Auth;
using Sigma.Sandbox.Faults;

namespace Sigma.Sandbox;

/// <summary>
/// Fault injection, changeable while requests are in flight. Thread-safe. <c>FailNext</c> rules are consulted before
/// <c>FailEveryNth</c> rules; the first rule that fires decides the request.
/// </summary>
public sealed class SandboxFaults
{
    private const string TokenPath = "/v2/auth/token";
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _nextRules = [];
    private readonly List<FaultRule> _everyNthRules = [];
    private readonly TokenStore _tokens;
    private long _latencyTicks;
    private volatile bool _rejectAllCredentials;

    internal SandboxFaults(TokenStore tokens) => _tokens = tokens;

    /// <summary>Added to every request, token requests included. Default zero.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _latencyTicks, value.Ticks);
        }
    }

    /// <summary>
    /// When true every token grant (client credentials and refresh) answers 401; tokens already issued keep working
    /// until they expire or <see cref="ExpireAllTokens"/> is called.
    /// </summary>
    public bool RejectAllCredentials
    {
        get => _rejectAllCredentials;
        set => _rejectAllCredentials = value;
    }

    /// <summary>Every <paramref name="n"/>-th matching request (n, 2n, …) gets <paramref name="fault"/>.</summary>
    /// <param name="n">At least 1.</param>
    /// <param name="fault">What to answer.</param>
    /// <param name="pathContains">Only requests whose path contains this; null means every request except token requests.</param>
    public void FailEveryNth(int n, SandboxFault fault, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _everyNthRules.Add(FaultRule.EveryNth(n, fault, pathContains));
        }
    }

    /// <summary>The next <paramref name="count"/> matching requests get <paramref name="fault"/>.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="fault">What to answer.</param>
    /// <param name="pathContains">Only requests whose path contains this; null means every request except token requests.</param>
    public void FailNext(int count, SandboxFault fault, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _nextRules.Add(FaultRule.Next(count, fault, pathContains));
        }
    }

    /// <summary>
    /// Every access token issued so far becomes expired (401 <c>unauthorized</c> "Token expired"). Refresh tokens stay
    /// valid, as in Sigma, so a client can recover with the refresh grant or a new client-credentials grant.
    /// </summary>
    public void ExpireAllTokens() => _tokens.ExpireAll();

    /// <summary>Removes all rules, the latency and <see cref="RejectAllCredentials"/>. Expired tokens stay expired.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _nextRules.Clear();
            _everyNthRules.Clear();
        }

        Latency = TimeSpan.Zero;
        RejectAllCredentials = false;
    }

    /// <summary>The fault for this request, if any rule fires; counts the request against every matching rule.</summary>
    internal SandboxFault? Next(string path)
    {
        bool isTokenRequest = string.Equals(path.TrimEnd('/'), TokenPath, StringComparison.Ordinal);
        lock (_gate)
        {
            SandboxFault? chosen = Fire(_nextRules, path, isTokenRequest, null);
            chosen = Fire(_everyNthRules, path, isTokenRequest, chosen);
            _nextRules.RemoveAll(r => r.IsSpent);
            return chosen;
        }
    }

    private static SandboxFault? Fire(List<FaultRule> rules, string path, bool isTokenRequest, SandboxFault? chosen)
    {
        foreach (FaultRule rule in rules)
        {
            // A FailNext rule only spends a count when it actually decides the request.
            bool counts = rule.Matches(path, isTokenRequest) && (chosen is null || !rule.IsCountdown);
            if (counts && rule.Fire() && chosen is null)
            {
                chosen = rule.Fault;
            }
        }

        return chosen;
    }
}
