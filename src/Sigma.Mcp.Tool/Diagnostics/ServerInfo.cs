using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Diagnostics;

/// <summary>What is answering.</summary>
internal sealed record ServerInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("lambda_function")] string LambdaFunction);
