namespace Sigma.Sandbox;

/// <summary>
/// One request the sandbox answered. <paramref name="Query"/> has secret-looking values redacted;
/// <paramref name="Status"/> is 0 when the connection was dropped without a response.
/// </summary>
public sealed record SandboxRequest(string Method, string Path, string Query, int Status, DateTimeOffset At);
