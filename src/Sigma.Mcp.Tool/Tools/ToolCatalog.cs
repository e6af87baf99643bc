using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Documents;
using ListedTool = ModelContextProtocol.Protocol.Tool;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// The eight tools. What <c>tools/list</c> shows of them (names, descriptions, portable JSON schemas, annotations) is
/// built at compile time: <c>ToolCatalog.json</c>, embedded, so that start-up neither reflects over the tool methods
/// nor generates schemas. Start-up does not even read that file (about 100 ms of JSON metadata before
/// <c>initialize</c>): the server starts on the names (<see cref="ToolNames.All"/>), the catalog is read on first use,
/// and each tool calls its method directly (<see cref="CatalogTool"/>).
/// <c>ToolCatalogTests</c> checks that the file equals what the methods produce, in the order of the names;
/// <c>UPDATE_SNAPSHOTS=true</c> rewrites it.
/// </summary>
internal sealed class ToolCatalog
{
    public const string ResourceName = "Sigma.Mcp.Tool.ToolCatalog.json";

    /// <summary>The tool classes, in the order the tools are listed.</summary>
    public static IReadOnlyList<ToolClass> ToolClasses { get; } =
    [
        ToolClass.Of<HeartbeatTool>(), ToolClass.Of<SearchDocumentsTool>(), ToolClass.Of<DescribeWorkbookTool>(), ToolClass.Of<DescribeDataModelTool>(),
        ToolClass.Of<ElementSqlTool>(), ToolClass.Of<LineageTool>(), ToolClass.Of<ExportDataTool>(), ToolClass.Of<RefreshCacheTool>(),
    ];

    private static readonly Lazy<Dictionary<string, ListedTool>> s_listed = new(Read);

    public ToolCatalog(IServiceProvider services)
    {
        Tools = [.. ToolNames.All.Select(name => new CatalogTool(name, () => MethodOf(name), services))];
    }

    /// <summary>The tools, in <see cref="ToolNames.All"/> order.</summary>
    public IReadOnlyList<CatalogTool> Tools { get; }

    /// <summary>Readies every tool for its first call (see <see cref="CatalogTool.Prepare"/>).</summary>
    public void PrepareAll()
    {
        foreach (var tool in Tools)
        {
            tool.Prepare();
        }
    }

    /// <summary>The tools built from their methods as the SDK's <c>WithTools</c> does, with portable schemas: what the catalog must list.</summary>
    public static List<McpServerTool> BuildFromMethods(IServiceProvider services)
    {
        List<McpServerTool> tools = [.. ToolMethods().Select(m => Create(services, m.Class, m.Method))];
        PortableSchemas.Apply(tools);
        return tools;
    }

    private static McpServerTool Create(IServiceProvider services, ToolClass tool, MethodInfo method) =>
        McpServerTool.Create(method, request => ActivatorUtilities.CreateInstance(request.Services ?? services, tool.Type),
            new McpServerToolCreateOptions { Services = services, SerializerOptions = ToolJson.Options });

    // Reflection over the tool classes waits until the first tool is asked for (after initialize).
    private static readonly Lazy<Dictionary<string, (Type Type, MethodInfo Method)>> s_methods =
        new(() => ToolMethods().ToDictionary(m => m.Name, m => (m.Class.Type, m.Method), StringComparer.Ordinal));

    private static (Type Type, MethodInfo Method) MethodOf(string name) => s_methods.Value.TryGetValue(name, out var found)
        ? found
        : throw new InvalidOperationException($"No tool method declares '{name}': add its class to ToolCatalog.ToolClasses.");

    private static IEnumerable<(string Name, ToolClass Class, MethodInfo Method)> ToolMethods() =>
        from tool in ToolClasses
        from method in tool.Type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<McpServerToolAttribute>()
        where attribute is not null
        select (attribute.Name ?? method.Name, tool, method);

    /// <summary>Reads the embedded catalog now, unless it has been read.</summary>
    public static void Load() => _ = s_listed.Value;

    /// <summary>What <c>tools/list</c> shows of one tool, from the embedded catalog (read once, on first use).</summary>
    public static ListedTool Listed(string name) => s_listed.Value.TryGetValue(name, out var tool)
        ? tool
        : throw new InvalidOperationException($"ToolCatalog.json does not list '{name}': rebuild the catalog (UPDATE_SNAPSHOTS=true).");

    private static Dictionary<string, ListedTool> Read()
    {
        using var stream = typeof(ToolCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded {ResourceName} is missing.");
        var list = JsonSerializer.Deserialize(stream, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ListToolsResult))) as ListToolsResult;
        var tools = (list?.Tools ?? []).ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var tool in tools.Values)
        {
            ArgumentCheck.Register(tool.Name, tool.InputSchema);
        }

        return tools;
    }
}
