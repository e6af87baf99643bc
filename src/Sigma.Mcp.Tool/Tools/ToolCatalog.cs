using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using ListedTool = ModelContextProtocol.Protocol.Tool;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// The eight tools. What <c>tools/list</c> shows of them (names, descriptions, portable JSON schemas, annotations) is
/// built at compile time: <c>ToolCatalog.json</c>, embedded, so that start-up neither reflects over the tool methods
/// nor generates schemas (most of the JIT work before <c>initialize</c> was that). The tools themselves are built from
/// their methods the SDK's way, on first use (<see cref="DeferredTool"/>). <c>ToolCatalogTests</c> checks that the
/// file equals what the methods produce; <c>UPDATE_SNAPSHOTS=true</c> rewrites it.
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

    private static readonly Lazy<IList<ListedTool>> s_listed = new(Load);

    public ToolCatalog(IServiceProvider services)
    {
        // Reflection over the tool classes waits until a tool is built, too.
        var methods = new Lazy<Dictionary<string, (string Name, Type Type, MethodInfo Method)>>(() => ToolMethods().ToDictionary(m => m.Name, StringComparer.Ordinal));
        Tools = [.. s_listed.Value.Select(tool => new DeferredTool(tool, () =>
        {
            var (type, method) = methods.Value.TryGetValue(tool.Name, out var found)
                ? (found.Type, found.Method)
                : throw new InvalidOperationException($"ToolCatalog.json lists '{tool.Name}', which no tool method declares: rebuild the catalog (UPDATE_SNAPSHOTS=true).");
            return Create(services, type, method);
        }))];
        foreach (var tool in Tools)
        {
            ArgumentCheck.Register(tool.ProtocolTool.Name, tool.ProtocolTool.InputSchema);
        }
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

    private static IList<ListedTool> Load()
    {
        using var stream = typeof(ToolCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded {ResourceName} is missing.");
        var list = JsonSerializer.Deserialize(stream, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ListToolsResult))) as ListToolsResult;
        return list?.Tools ?? [];
    }
}
