using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Http;

/// <summary>The JSON of the health endpoints, in the tools' snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Readiness))]
[JsonSerializable(typeof(Liveness))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
