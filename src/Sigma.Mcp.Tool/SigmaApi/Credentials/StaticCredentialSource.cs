namespace Sigma.Mcp.Tool.SigmaApi.Credentials;

/// <summary>The credentials from the settings (<c>SIGMA_CLIENT_ID</c>, <c>SIGMA_CLIENT_SECRET</c>): nothing to re-read.</summary>
internal sealed class StaticCredentialSource(SigmaCredentials credentials) : ISigmaCredentialSource
{
    public string Description => "SIGMA_CLIENT_ID and SIGMA_CLIENT_SECRET";

    public ValueTask<SigmaCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);

    public ValueTask<SigmaCredentials?> ReloadAfterRejectionAsync(SigmaCredentials rejected, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SigmaCredentials?>(null);
}
