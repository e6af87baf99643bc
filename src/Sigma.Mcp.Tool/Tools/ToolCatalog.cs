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
/// and the tools themselves are built from their methods the SDK's way on first call (<see cref="DeferredTool"/>).
/// <c>ToolCatalogTests</c> checks that the file equals what the methods produce, in the order of the names;
/// <c>UPDATE_SNAPSHOTS=true</c> rewrites it.
/// </summary>
internal sealed class ToolCatalog
{
    public const string ResourceName = "Sigma.Mcp.Tool.ToolCatalog.json";

    /// <summary>The tool classes, in the order the tools are listed.</summary>
    public static IReadOnlyList<Type> ToolTypes { get; } =
    [
        typeof(HeartbeatTool), typeof(SearchDocumentsTool), typeof(DescribeWorkbookTool), typeof(DescribeDataModelTool),
        typeof(ElementSqlTool), typeof(LineageTool), typeof(ExportDataTool), typeof(RefreshCacheTool),
    ];

    private static readonly Lazy<Dictionary<string, ListedTool>> s_listed = new(Load);

    public ToolCatalog(IServiceProvider services)
    {
        // Reflection over the tool classes waits until a tool is built, too.
        var methods = new Lazy<Dictionary<string, (string Name, Type Type, MethodInfo Method)>>(() => ToolMethods().ToDictionary(m => m.Name, StringComparer.Ordinal));
        Tools = [.. ToolNames.All.Select(name => new DeferredTool(name, () => Listed(name), () =>
        {
            var (type, method) = methods.Value.TryGetValue(name, out var found)
                ? (found.Type, found.Method)
                : throw new InvalidOperationException($"No tool method declares '{name}': add it to ToolCatalog.ToolTypes.");
            return Create(services, type, method);
        }))];
    }

    public IReadOnlyList<DeferredTool> Tools { get; }

    /// <summary>Builds every tool that is not built yet.</summary>
    public void BuildAll()
    {
        foreach (var tool in Tools)
        {
            tool.Build();
        }
    }

    /// <summary>The tools built from their methods as the SDK's <c>WithTools</c> does, with portable schemas: what the catalog must list.</summary>
    public static List<McpServerTool> BuildFromMethods(IServiceProvider services)
    {
        List<McpServerTool> tools = [.. ToolMethods().Select(m => Create(services, m.Type, m.Method))];
        PortableSchemas.Apply(tools);
        return tools;
    }

    private static McpServerTool Create(IServiceProvider services, Type type, MethodInfo method) =>
        McpServerTool.Create(method, request => ActivatorUtilities.CreateInstance(request.Services ?? services, type),
            new McpServerToolCreateOptions { Services = services, SerializerOptions = ToolJson.Options });

    private static IEnumerable<(string Name, Type Type, MethodInfo Method)> ToolMethods() =>
        from type in ToolTypes
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<McpServerToolAttribute>()
        where attribute is not null
        select (attribute.Name ?? method.Name, type, method);

    /// <summary>What <c>tools/list</c> shows of one tool, from the embedded catalog (read once, on first use).</summary>
    public static ListedTool Listed(string name) => s_listed.Value.TryGetValue(name, out var tool)
        ? tool
        : throw new InvalidOperationException($"ToolCatalog.json does not list '{name}': rebuild the catalog (UPDATE_SNAPSHOTS=true).");

    private static Dictionary<string, ListedTool> Load()
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
