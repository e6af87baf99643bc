using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using ListedTool = ModelContextProtocol.Protocol.Tool;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// One tool as the server runs it: listed from the prebuilt catalog (<see cref="ToolCatalog"/>), called by invoking its
/// method directly. The SDK's own tool (an AI function over the method) would build JSON schemas on first use (about
/// 100 ms before the first call could run) and, on every call, serialize the returned <see cref="CallToolResult"/> and
/// parse it back; every tool method here already returns the finished result, so neither is needed.
/// The server only needs the name to start: <see cref="IMcpServerPrimitive.Id"/> is re-implemented, as the base class
/// derives it from <see cref="ProtocolTool"/>, which reads the catalog.
/// </summary>
internal sealed class CatalogTool : McpServerTool, IMcpServerPrimitive
{
    private readonly string _name;
    private readonly IServiceProvider _services;
    private readonly Lazy<Invoker> _invoker;

    /// <param name="name">The tool's name.</param>
    /// <param name="method">Finds the tool's class and method (reflection, so only on first use).</param>
    /// <param name="services">The server's services, for calls that come without their own.</param>
    public CatalogTool(string name, Func<(Type Type, MethodInfo Method)> method, IServiceProvider services)
    {
        _name = name;
        _services = services;
        _invoker = new(() => Invoker.Create(name, method()));
    }

    public string Name => _name;

    string IMcpServerPrimitive.Id => _name;

    public override ListedTool ProtocolTool => ToolCatalog.Listed(_name);

    /// <summary>The method's and its class's attributes, as the SDK's tools give them.</summary>
    public override IReadOnlyList<object> Metadata => _invoker.Value.Metadata;

    /// <summary>Prepares what a call needs (the method, its binder, the listing), so that the first call does not.</summary>
    public void Prepare() => _ = (_invoker.Value, ProtocolTool);

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var invoker = _invoker.Value;
        var arguments = invoker.Binder.Bind(request, cancellationToken);
        // A transient service (see AddSigmaMcpServer): the request's scope owns it.
        var target = (request.Services ?? _services).GetRequiredService(invoker.Type);
        return new((Task<CallToolResult>)invoker.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, null)!);
    }

    public override string ToString() => _name;

    private sealed record Invoker(Type Type, MethodInfo Method, ToolMethodBinder Binder, IReadOnlyList<object> Metadata)
    {
        public static Invoker Create(string name, (Type Type, MethodInfo Method) tool)
        {
            var (type, method) = tool;
            if (method.ReturnType != typeof(Task<CallToolResult>))
            {
                throw new InvalidOperationException($"{type.Name}.{method.Name} ({name}) must return Task<CallToolResult>.");
            }

            return new(type, method, new ToolMethodBinder(name, method), [.. method.GetCustomAttributes(), .. type.GetCustomAttributes()]);
        }
    }
}
