namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>Sigma's error body: <c>{message, code, requestId}</c>.</summary>
internal sealed record SigmaErrorBody(string? Message, string? Code, string? RequestId);
