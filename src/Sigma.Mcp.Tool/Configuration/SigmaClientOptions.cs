namespace Sigma.Mcp.Tool.Configuration;

/// <summary>How to reach one Sigma organization's REST API.</summary>
internal sealed class SigmaClientOptions
{
    /// <summary>The regional API host, normalised to have no <c>/v2</c> and no trailing slash. Default <c>https://api.sigmacomputing.com</c>.</summary>
    public Uri BaseUrl { get; init; } = new(SigmaBaseUrl.Default);

    /// <summary>The API client id (Administration → Developer Access).</summary>
    public string ClientId { get; init; } = "";

    /// <summary>The API client secret. Never printed, logged or put in an exception message.</summary>
    public string ClientSecret { get; init; } = "";

    /// <summary>Most requests in flight to Sigma at once from this process. Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Shown in diagnostics instead of the secret.</summary>
    public override string ToString() => $"{BaseUrl} (client id {ClientId}, secret {(ClientSecret.Length > 0 ? "set" : "not set")})";
}
