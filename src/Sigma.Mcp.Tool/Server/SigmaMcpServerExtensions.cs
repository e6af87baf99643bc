using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Resources;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Server;

/// <summary>Registers the MCP server: identity, instructions, tools, resources and the search index behind them. The transport is the caller's choice.</summary>
internal static class SigmaMcpServerExtensions
{
    public const string Instructions = """
        sigma-mcp connects you to a Sigma Computing organization's analytics: workbooks (with pages and elements such as charts and tables), data models, datasets and reports.
        Typical flow: search_documents to find what the user means (vague words, element or column names and typos are fine), describe_workbook to see its pages,
        elements, columns and controls, then export_data with workbook_id and element_id to read rows (page with offset). get_element_sql and get_lineage explain how a number is computed.
        Search reads a local cache of Sigma's metadata: if something recent is missing, call refresh_cache. If a call fails with an authentication or network error, call heartbeat.
        """;

    /// <summary>The same server that <c>serve</c> runs; tests add an in-memory transport instead of stdio.</summary>
    public static IMcpServerBuilder AddSigmaMcpServer(this IServiceCollection services)
    {
        services.AddSingleton<SearchIndexProvider>();
        // Started by SearchIndexStart, at once or (serve over stdio) after initialize: see SearchIndexStartMode.
        services.TryAddSingleton(SearchIndexStartMode.WithHost);
        services.AddSingleton<SearchIndexStart>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexStart>());
        services.AddTransient<WorkbookDescriber>();
        services.AddSingleton(sp => new ToolSelection(sp.GetService<IOptions<ToolSwitches>>()?.Value ?? ToolSwitches.All));
        services.AddSingleton<ToolList>();
        services.AddSingleton(sp => new ResultBudget(sp.GetService<IOptions<ToolSwitches>>()?.Value ?? ToolSwitches.All));
        // Listed from the prebuilt catalog, built on first use: see ToolCatalog.
        services.AddSingleton<ToolCatalog>();
        foreach (var tool in ToolCatalog.ToolClasses)
        {
            services.AddTransient(tool.Type); // made per call by CatalogTool
        }

        for (var i = 0; i < ToolCatalog.ToolClasses.Count; i++)
        {
            var index = i;
            services.AddSingleton<McpServerTool>(sp => sp.GetRequiredService<ToolCatalog>().Tools[index]);
        }

        // Listed from their attributes, built on first read: see DeferredResource.
        foreach (var method in DeferredResource.MethodsOf<SigmaResources>())
        {
            services.AddSingleton<McpServerResource>(sp => DeferredResource.Create<SigmaResources>(method, sp));
        }

        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new ModelContextProtocol.Protocol.Implementation
                {
                    Name = "sigma-mcp",
                    Title = "Sigma Computing",
                    Version = ToolVersion.Current,
                };
                options.ServerInstructions = Instructions;
            })
            .WithMessageFilters(filters =>
            {
                filters.AddIncomingFilter(SearchIndexStart.AfterInitializeFilter);
                filters.AddOutgoingFilter(DirectResults.OutgoingFilter);
            })
            .WithRequestFilters(filters =>
            {
                // Outermost, so that the result it writes once is the one the filters below settled on.
                filters.AddCallToolFilter(DirectResults.CallToolFilter);
                // The error filter wraps the gate, so that an argument error thrown there reads as the tools' own errors do.
                filters.AddCallToolFilter(ToolCallLog.Create());
                filters.AddCallToolFilter(ToolErrorFilter.Create());
                filters.AddCallToolFilter(ToolCallGate.Create());
                filters.AddListToolsFilter(ToolList.Filter);
            });
    }
}
