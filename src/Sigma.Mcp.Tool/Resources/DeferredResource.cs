using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Sigma.Mcp.Tool.Resources;

/// <summary>
/// A resource template listed from its method's attributes at start-up and built the SDK's way (an AI function over the
/// method, a URI-template parser compiled to a regular expression: about 60 ms before <c>initialize</c>) only when a
/// URI is first matched or read. <c>SigmaResourcesTests</c> checks that the listed template equals the SDK's.
/// </summary>
internal sealed class DeferredResource : McpServerResource
{
    private readonly Lazy<McpServerResource> _resource;

    private DeferredResource(ResourceTemplate template, Func<McpServerResource> build)
    {
        ProtocolResourceTemplate = template;
        _resource = new(build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public override ResourceTemplate ProtocolResourceTemplate { get; }

    public override IReadOnlyList<object> Metadata => _resource.Value.Metadata;

    public bool IsBuilt => _resource.IsValueCreated;

    /// <summary>One resource per <see cref="McpServerResourceAttribute"/> method of <typeparamref name="T"/>, as the SDK's <c>WithResources&lt;T&gt;</c> registers them.</summary>
    public static IEnumerable<MethodInfo> MethodsOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] T>() =>
        typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<McpServerResourceAttribute>() is not null);

    /// <summary>The resource of one method of <typeparamref name="T"/>; an instance of <typeparamref name="T"/> is made for each read.</summary>
    public static DeferredResource Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(MethodInfo method, IServiceProvider services)
        where T : class
    {
        var attribute = method.GetCustomAttribute<McpServerResourceAttribute>()
            ?? throw new ArgumentException($"{method.Name} has no {nameof(McpServerResourceAttribute)}.", nameof(method));
        var template = new ResourceTemplate
        {
            UriTemplate = attribute.UriTemplate ?? throw new ArgumentException($"{method.Name} has no URI template.", nameof(method)),
            Name = attribute.Name ?? method.Name,
            Title = attribute.Title,
            MimeType = attribute.MimeType,
            Description = method.GetCustomAttribute<DescriptionAttribute>()?.Description,
        };
        return new(template, () => Build<T>(method, services));
    }

    /// <summary>The resource as the SDK builds it from the method.</summary>
    public static McpServerResource Build<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(MethodInfo method, IServiceProvider services)
        where T : class =>
        McpServerResource.Create(method, request => ActivatorUtilities.CreateInstance<T>(request.Services ?? services)!,
            new McpServerResourceCreateOptions { Services = services });

    public override bool IsMatch(string uri) => _resource.Value.IsMatch(uri);

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default) =>
        _resource.Value.ReadAsync(request, cancellationToken);

    public override string ToString() => ProtocolResourceTemplate.UriTemplate;
}
