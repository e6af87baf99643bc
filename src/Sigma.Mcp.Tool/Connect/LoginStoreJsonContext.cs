using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Connect;

[JsonSerializable(typeof(StoredLogin))]
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class LoginStoreJsonContext : JsonSerializerContext;
