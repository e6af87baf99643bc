namespace Sigma.Mcp.Tool.Http;

/// <summary>The body of <c>/healthz</c>: the process is up and serving HTTP. Nothing else is checked.</summary>
internal sealed record Liveness(string Status);
