using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Cli;

/// <summary><c>sigma-mcp cache refresh|status|clear|init</c> and <c>populate-cache</c>, the original name of a refresh.</summary>
internal static class CacheCommands
{
    private const int MaxFailuresNamed = 10;

    public static Command Create(GlobalOptions options)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON on stdout" };
        var status = new Command("status", "Show what the cache holds for your organization: backend, generation, counts, last refresh") { json };
        status.SetGuardedAction((parseResult, ct) => RunAsync(parseResult, options, (host, org, c) => StatusAsync(host, org, parseResult.GetValue(json), c), ct));

        var clear = new Command("clear", "Remove your organization's cached documents (other organizations' entries stay)");
        clear.SetGuardedAction((parseResult, ct) => RunAsync(parseResult, options, ClearAsync, ct));

        var init = new Command("init", "Create the cache's storage (the DynamoDB table, or the LiteDB file) if it does not exist");
        init.SetGuardedAction(async (parseResult, ct) =>
        {
            await using var environment = await CommandEnvironment.CreateAsync(parseResult, options, requireCredentials: false, LogLevel.Warning, ct);
            using var host = ToolHost.CreateBuilder(environment.Settings).Build();
            var cache = host.Services.GetRequiredService<ICache>();
            await cache.InitializeAsync(ct);
            Console.WriteLine($"Cache ready: {cache.Backend} at {cache.Location}");
            return ExitCodes.Success;
        });

        return new Command("cache", "Manage the document cache that search reads")
        {
            CreateRefresh(options, "refresh", "Fetch documents from Sigma into the cache: new and changed ones only, unless --full (alias: populate-cache)"),
            status,
            clear,
            init,
        };
    }

    /// <summary>The original server's name for a cache refresh, kept as a top-level command.</summary>
    public static Command CreatePopulateCache(GlobalOptions options) =>
        CreateRefresh(options, "populate-cache", "Same as 'cache refresh' (the original server's name for it)");

    private static Command CreateRefresh(GlobalOptions options, string name, string description)
    {
        var full = new Option<bool>("--full") { Description = "Fetch every document's details again instead of only new and changed ones" };
        var command = new Command(name, description) { full };
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            await using var environment = await CommandEnvironment.CreateAsync(parseResult, options, requireCredentials: true, LogLevel.Warning, ct);
            using var host = ToolHost.CreateBuilder(environment.Settings).Build();
            var progress = new RefreshProgressPrinter(Console.Error, interactive: !Console.IsErrorRedirected);
            try
            {
                var refreshOptions = new RefreshOptions(parseResult.GetValue(full)) { LeaseDuration = environment.Settings.Cache.LeaseDuration };
                var summary = await host.Services.GetRequiredService<CacheRefresher>().RefreshAsync(refreshOptions, progress, ct);
                var counts = summary.Metadata.Counts;
                Console.WriteLine(RefreshedLine(summary, parseResult.GetValue(full)));
                Console.WriteLine(
                    $"Now: {Counted.Of(counts.GetValueOrDefault(DocumentTypes.Workbook), "workbook")}, {Counted.Of(counts.GetValueOrDefault(DocumentTypes.DataModel), "data model")}, " +
                    $"{Counted.Of(counts.GetValueOrDefault(DocumentTypes.Dataset), "dataset")}, {Counted.Of(counts.GetValueOrDefault(DocumentTypes.Report), "report")}, " +
                    $"{Counted.Of(counts.GetValueOrDefault("element"), "element")}, {Counted.Of(counts.GetValueOrDefault("member"), "member")} (generation {summary.Metadata.Generation}, {environment.Settings.Cache.BackendName}).");
                foreach (var warning in summary.Warnings)
                {
                    Console.WriteLine($"Warning: {warning}");
                }

                foreach (var failure in summary.Failures.Take(MaxFailuresNamed))
                {
                    await Console.Error.WriteLineAsync($"sigma-mcp: details of '{failure.Name}' ({failure.Id}) failed: {failure.Error}{(failure.KeptPrevious ? "; kept the previous structure" : "")}");
                }

                if (summary.Failures.Count > MaxFailuresNamed)
                {
                    await Console.Error.WriteLineAsync($"sigma-mcp: and {summary.Failures.Count - MaxFailuresNamed} more failed.");
                }

                // Exit 1 only when nothing at all could be fetched: partial failures are published and retried next time.
                return summary.NothingFetched ? ExitCodes.Failure : ExitCodes.Success;
            }
            catch (Exception ex) when (ex is RefreshInProgressException or LeaseLostException or SigmaApiException or CacheUnavailableException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"sigma-mcp: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static string RefreshedLine(RefreshSummary summary, bool full)
    {
        var line = $"Cache refreshed in {summary.Duration.TotalSeconds:0.0} s: {summary.Added:N0} added, {summary.Changed:N0} changed, {summary.Unchanged:N0} unchanged, " +
            $"{summary.Removed:N0} removed, {summary.Failed:N0} failed";
        if (full)
        {
            line += $"; {Counted.Of(summary.ToFetch, "document")} fetched again (--full)";
        }

        return line + (summary.Failed > 0
            ? $" ({summary.Stale:N0} kept their previous structure, {summary.Failed - summary.Stale:N0} cached from the listing only; the next refresh retries them)."
            : ".");
    }

    private static async Task<int> RunAsync(ParseResult parseResult, GlobalOptions options, Func<IHost, string, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        await using var environment = await CommandEnvironment.CreateAsync(parseResult, options, requireCredentials: true, LogLevel.Warning, ct);
        using var host = ToolHost.CreateBuilder(environment.Settings).Build();
        try
        {
            // The cache is scoped by organization: the credentials say which one. The cache remembers it for these
            // credentials after a refresh or a search, so status and clear work while Sigma is down.
            var cache = host.Services.GetRequiredService<ICache>();
            var organizationId = await cache.GetOrganizationAsync(CacheConnection.Key(environment.Settings.Sigma), ct)
                ?? (await host.Services.GetRequiredService<SigmaClient>().GetWhoAmIAsync(ct)).OrganizationId;
            return await action(host, organizationId, ct);
        }
        catch (SigmaApiException ex)
        {
            await Console.Error.WriteLineAsync($"sigma-mcp: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> StatusAsync(IHost host, string organizationId, bool json, CancellationToken ct)
    {
        var cache = host.Services.GetRequiredService<ICache>();
        var status = CacheStatus.From(cache, organizationId, await cache.GetMetadataAsync(organizationId, ct));
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(status, ToolJson.Indented.GetTypeInfo(typeof(CacheStatus))));
            return ExitCodes.Success;
        }

        Console.WriteLine($"Cache: {status.Backend} at {status.Location}, organization {status.OrganizationId}");
        Console.WriteLine(status.Generation is null
            ? "  Empty: never refreshed. Run 'sigma-mcp cache refresh'."
            : $"  Generation {status.Generation}, refreshed {status.LastRefreshedAt:u} in {status.RefreshDurationMs / 1000.0:0.0} s from {status.BaseUrl}");
        Console.WriteLine("  " + string.Join(", ", status.Counts.Select(kv => Counted.Of(kv.Value, kv.Key.Replace('-', ' ')))));
        return ExitCodes.Success;
    }

    private static async Task<int> ClearAsync(IHost host, string organizationId, CancellationToken ct)
    {
        var cache = host.Services.GetRequiredService<ICache>();
        await cache.ClearAsync(organizationId, ct);
        Console.WriteLine($"Cleared the cache of organization {organizationId} ({cache.Backend} at {cache.Location}).");
        return ExitCodes.Success;
    }
}
