namespace Sigma.Mcp.Tool.SigmaApi.Credentials;

/// <summary>
/// Where <see cref="Auth.SigmaTokenProvider"/> gets the client id and secret it exchanges for a token: the settings
/// (<see cref="StaticCredentialSource"/>) or a Secrets Manager secret (<see cref="SecretsManagerCredentialSource"/>).
/// Implementations are thread-safe and never put the secret in a message or a log line.
/// </summary>
internal interface ISigmaCredentialSource
{
    /// <summary>Where the credentials come from, for messages, e.g. <c>Secrets Manager secret 'sigma-mcp/prod'</c>.</summary>
    string Description { get; }

    /// <summary>The credentials to use now; read once, then cached.</summary>
    /// <exception cref="Configuration.ConfigurationException">They cannot be read; the message says why and what to fix.</exception>
    ValueTask<SigmaCredentials> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sigma refused <paramref name="rejected"/> (a 401 from <c>/v2/auth/token</c>, e.g. after a rotation). Returns newer
    /// credentials to try once, or null when there are none: the source cannot change, it may not re-read yet, or it
    /// re-read and found the same ones. Re-reads at most once per call.
    /// </summary>
    /// <exception cref="Configuration.ConfigurationException">The re-read failed; the message says why and what to fix.</exception>
    ValueTask<SigmaCredentials?> ReloadAfterRejectionAsync(SigmaCredentials rejected, CancellationToken cancellationToken);
}
