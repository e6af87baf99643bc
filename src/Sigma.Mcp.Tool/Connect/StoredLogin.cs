using System.Text.Json.Serialization;
using ModelContextProtocol.Authentication;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>One server's saved login: the SDK's tokens (with the client registration) and the loopback redirect port.</summary>
internal sealed record StoredLogin(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("redirect_port")] int? RedirectPort,
    [property: JsonPropertyName("tokens")] TokenContainer? Tokens);
