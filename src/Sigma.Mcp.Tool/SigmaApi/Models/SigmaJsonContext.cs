using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>Source-generated JSON for Sigma's wire format (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(SigmaErrorBody))]
internal sealed partial class SigmaJsonContext : JsonSerializerContext;
