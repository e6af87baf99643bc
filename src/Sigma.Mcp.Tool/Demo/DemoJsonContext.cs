using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Demo;

/// <summary>The demo's tool arguments and the types of their values, source-generated so that the native build can write them.</summary>
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
