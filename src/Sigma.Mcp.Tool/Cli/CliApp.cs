using System.CommandLine;
using System.CommandLine.Parsing;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.Server;

namespace Sigma.Mcp.Tool.Cli;

/// <summary>The command tree. Commands compose services; none holds business logic.</summary>
internal static class CliApp
{
    private const string Description = """
        sigma-mcp: an MCP server that lets AI assistants find, understand and read the analytics in Sigma Computing.

        Settings come from (highest first) command-line options, environment variables, a .env file, then defaults.

        Examples:
          sigma-mcp demo                      See it work against the built-in sandbox (no account needed)
          sigma-mcp heartbeat                 Check credentials and connectivity (SIGMA_CLIENT_ID, SIGMA_CLIENT_SECRET)
          sigma-mcp heartbeat --sandbox --json
          sigma-mcp serve                     Run as an MCP server over stdio (for Claude Desktop, VS Code, Cursor)
          sigma-mcp serve --http --urls http://0.0.0.0:8080   Serve a team over HTTP (needs SIGMA_MCP_HTTP_TOKENS)
          sigma-mcp cache refresh             Fill the document cache that search reads
          sigma-mcp connect https://mcp.example.com/mcp   Relay stdio to a team's server (SIGMA_MCP_CONNECT_TOKEN, or --login)
        """;

    public static RootCommand Create()
    {
        var options = new GlobalOptions();
        var root = new RootCommand(Description);
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(ServeCommand.Create(options));
        root.Subcommands.Add(HeartbeatCommand.Create(options));
        root.Subcommands.Add(CacheCommands.Create(options));
        root.Subcommands.Add(CacheCommands.CreatePopulateCache(options));
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ConnectCommand.Create(options));
        return root;
    }

    /// <summary>Parses and runs; bad usage exits with 2 (System.CommandLine's own default is 1).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        // serve is what MCP clients start and wait for: its warm-up (a second core's work) begins before the command line is even parsed.
        if (args is ["serve", ..])
        {
            StartWarmUp.Start();
        }

        // With no command at all, show the help rather than an error.
        var parseResult = Create().Parse(args.Length == 0 ? ["--help"] : args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // serve drains in-flight calls on SIGTERM itself (StdioServerLifetime); other commands keep .NET's default.
            ProcessTerminationTimeout = null,
        };

        if (parseResult.Errors.Count > 0)
        {
            foreach (var message in ErrorsWorstFirst(parseResult))
            {
                await configuration.Error.WriteLineAsync($"sigma-mcp: {message}");
            }

            await configuration.Error.WriteLineAsync("Run 'sigma-mcp --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(configuration);
    }

    /// <summary>
    /// A mistyped command ("hartbeat") is the error to read first; "Required command was not provided", which follows
    /// from it, says nothing more and is dropped.
    /// </summary>
    private static IEnumerable<string> ErrorsWorstFirst(ParseResult parseResult)
    {
        var unmatched = parseResult.Errors.Where(e => parseResult.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))).ToList();
        var rest = parseResult.Errors.Except(unmatched).Where(e => unmatched.Count == 0 || e.SymbolResult is not CommandResult);
        return unmatched.Concat(rest).Select(e => e.Message);
    }
}
