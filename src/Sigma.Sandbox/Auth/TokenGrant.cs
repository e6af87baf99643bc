namespace Sigma.Sandbox.Auth;

/// <summary>A freshly issued token pair.</summary>
internal sealed record TokenGrant(string AccessToken, string RefreshToken, int ExpiresInSeconds);
