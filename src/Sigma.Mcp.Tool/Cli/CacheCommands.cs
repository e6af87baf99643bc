using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Cli;

/// <summary><c>sigma-mcp cache ...</c> and its alias <c>populate-cache</c>.</summary>
internal static class CacheCommands
{

    public static Command Create(GlobalOptions options)
    {
        var refresh = CreateRefresh(options, "refresh", "Fetch documents from Sigma into the cache (incremental; --full rebuilds)");
        var json = new Option<bool>("--json") { Description = "Print the status as JSON on stdout" };
        var status = new Command("status", "Show what the cache holds: backend, organization, counts, last refresh") { json };
        status.SetGuardedAction((parseResult, cancellationToken) => NotBuiltYet(parseResult, options, "show", cancellationToken));
        var clear = new Command("clear", "Remove this organization's cached documents");
        clear.SetGuardedAction((parseResult, cancellationToken) => NotBuiltYet(parseResult, options, "clear", cancellationToken));

        return new Command("cache", "Manage the document cache that search reads") { refresh, status, clear };
    }

    /// <summary>The original server's name for a cache refresh, kept as a top-level command.</summary>
    public static Command CreatePopulateCache(GlobalOptions options) =>
        CreateRefresh(options, "populate-cache", "Same as 'cache refresh' (the original server's name for it)");

    private static Command CreateRefresh(GlobalOptions options, string name, string description)
    {
        var full = new Option<bool>("--full") { Description = "Rebuild everything instead of fetching only new and changed documents" };
        var command = new Command(name, description) { full };
        command.SetGuardedAction((parseResult, cancellationToken) => NotBuiltYet(parseResult, options, "refresh", cancellationToken, requireCredentials: true));
        return command;
    }

    private static async Task<int> NotBuiltYet(
        ParseResult parseResult, GlobalOptions options, string verb, CancellationToken cancellationToken, bool requireCredentials = false)
    {
        // Settings are still validated, so a bad configuration is reported the same way as for every other command.
        await using var environment = await CommandEnvironment.CreateAsync(parseResult, options, requireCredentials, LogLevel.Warning, cancellationToken);
        await Console.Error.WriteLineAsync($"sigma-mcp: the document cache is not built yet in this version of sigma-mcp, so there is nothing to {verb}. Nothing was changed.");
        return ExitCodes.Failure;
    }
}
