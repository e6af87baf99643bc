namespace Sigma.Mcp.Tool.SigmaApi.Auth;

/// <summary>An access token and when to renew it.</summary>
internal sealed record AccessToken(string Value, DateTimeOffset IssuedAt, TimeSpan Lifetime)
{
    /// <summary>
    /// Renew a minute early, or a tenth of the lifetime early for short-lived tokens, so that a request
    /// never leaves with a token that expires on the way.
    /// </summary>
    public bool NeedsRenewal(DateTimeOffset now)
    {
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, Lifetime.Ticks / 10));
        return now >= IssuedAt + Lifetime - margin;
    }

    /// <summary>Never shows the token itself.</summary>
    public override string ToString() => $"AccessToken(issued {IssuedAt:O}, lifetime {Lifetime})";
}
