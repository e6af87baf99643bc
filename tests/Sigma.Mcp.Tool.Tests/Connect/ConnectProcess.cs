using System.Text.Json;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Connect;

/// <summary>
/// The built tool running <c>sigma-mcp connect URL</c> as a child process, as Claude Desktop starts it: spoken to
/// either by the C# SDK client or line by line (<see cref="RawRelay"/>), with its own HOME so that saved logins stay
/// the test's. It logs at debug level, so that a test can see when a request is on its way.
/// </summary>
internal static class ConnectProcess
{
    public const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw-test","version":"1"}}}""";
    public const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";
    public const string CallHeartbeat = """{"jsonrpc":"2.0","id":"hb","method":"tools/call","params":{"name":"heartbeat","arguments":{}}}""";

    /// <summary>The environment of a relay: the token setting (null: none) and a HOME of the test's own.</summary>
    public static Dictionary<string, string?> Settings(string home, string? token, string logLevel = "debug") => new()
    {
        ["SIGMA_MCP_CONNECT_TOKEN"] = token,
        ["SIGMA_MCP_LOG_LEVEL"] = logLevel,
        ["HOME"] = home,
        ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"),
    };

    /// <summary>The C# SDK client, over stdio, through a relay to <paramref name="endpoint"/>.</summary>
    public static async Task<McpClient> ConnectSdkClientAsync(Uri endpoint, string home, string? token, string? protocolVersion = null, List<string>? stderr = null, string logLevel = "debug")
    {
        var (command, arguments) = ToolProcess.Command("connect", endpoint.ToString());
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sigma-mcp-connect",
            Command = command,
            Arguments = arguments,
            WorkingDirectory = home,
            EnvironmentVariables = Settings(home, token, logLevel),
            StandardErrorLines = line =>
            {
                if (stderr is not null)
                {
                    lock (stderr)
                    {
                        stderr.Add(line);
                    }
                }
            },
        });
        // The discovery probe's default 5 s would also time the relay's own start on a busy machine, then quietly fall back.
        var options = new McpClientOptions { ProtocolVersion = protocolVersion, DiscoverProbeTimeout = TestTimeouts.Default };
        return await McpClient.CreateAsync(transport, options, cancellationToken: TestTimeouts.Token());
    }

    /// <summary>A relay whose stdin and stdout the test writes and reads itself.</summary>
    public static RawRelay StartRaw(Uri endpoint, string home, string? token, params string[] extraArguments) =>
        new(ToolProcess.StartInfo(home, Settings(home, token), ["connect", endpoint.ToString(), .. extraArguments]));

    /// <summary>The relay logged (at debug level) that it is relaying the request <paramref name="id"/> upstream.</summary>
    public static bool IsRelaying(IEnumerable<string> stderr, string id) =>
        stderr.Any(line => line.Contains("Relaying tools/call " + id.Trim('"'), StringComparison.Ordinal));

    /// <summary>Every line is a JSON-RPC 2.0 message: the relay writes nothing else on stdout.</summary>
    public static List<JsonElement> ParseJsonRpcLines(string stdout)
    {
        var messages = new List<JsonElement>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var message = JsonDocument.Parse(line).RootElement;
            message.GetProperty("jsonrpc").GetString().Should().Be("2.0", $"every stdout line is a JSON-RPC message: {line}");
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Polls <paramref name="condition"/> (cheap, in-process state) until it holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
