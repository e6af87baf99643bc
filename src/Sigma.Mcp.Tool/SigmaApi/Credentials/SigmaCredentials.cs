namespace Sigma.Mcp.Tool.SigmaApi.Credentials;

/// <summary>A Sigma API client id and secret. Equal when both are equal; <see cref="ToString"/> never shows the secret.</summary>
internal sealed record SigmaCredentials(string ClientId, string ClientSecret)
{
    /// <summary>Shows the client id only.</summary>
    public override string ToString() => $"SigmaCredentials(client id {ClientId})";
}
