using System.Reflection;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Turns a <c>tools/call</c> request into the arguments of a tool method: each JSON argument by its parameter's name
/// (the names the catalog's input schema lists), the parameter's default where an optional one is absent, and the
/// request's own objects (cancellation, progress, server, request) where a parameter asks for them. By the time a call
/// gets here, <see cref="ToolCallGate"/> has checked the arguments against the schema and coerced their types.
/// </summary>
internal sealed class ToolMethodBinder
{
    private readonly Func<RequestContext<CallToolRequestParams>, CancellationToken, object?>[] _parameters;

    public ToolMethodBinder(string tool, MethodInfo method)
    {
        _parameters = [.. method.GetParameters().Select(p => Parameter(tool, p))];
    }

    public object?[] Bind(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var values = new object?[_parameters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _parameters[i](request, cancellationToken);
        }

        return values;
    }

    private static Func<RequestContext<CallToolRequestParams>, CancellationToken, object?> Parameter(string tool, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return static (_, cancellationToken) => cancellationToken;
        }

        if (type == typeof(IProgress<ProgressNotificationValue>))
        {
            return static (request, _) => request.Params?.ProgressToken is { } token ? new ProgressNotifier(request.Server, token) : ProgressNotifier.None;
        }

        if (type == typeof(McpServer))
        {
            return static (request, _) => request.Server;
        }

        if (type == typeof(RequestContext<CallToolRequestParams>))
        {
            return static (request, _) => request;
        }

        var name = parameter.Name ?? throw new InvalidOperationException($"A parameter of {tool} has no name.");
        var typeInfo = ToolJson.Options.GetTypeInfo(type);
        var fallback = parameter.HasDefaultValue ? parameter.DefaultValue : null;
        var required = !parameter.HasDefaultValue;
        return (request, _) =>
        {
            if (request.Params?.Arguments is { } arguments && arguments.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Undefined)
            {
                return value.ValueKind == JsonValueKind.Null ? fallback : value.Deserialize(typeInfo);
            }

            return required ? throw ToolArguments.Invalid(tool, name, $"'{name}' is required.") : fallback;
        };
    }
}
