using System.Diagnostics.CodeAnalysis;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// A tool class, with what the server reflects on kept when the tool is trimmed (the native build): its public
/// constructors (dependency injection makes one per call) and its public methods (the tool methods, invoked by reflection).
/// </summary>
internal readonly record struct ToolClass
{
    private const DynamicallyAccessedMemberTypes Reflected = DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicMethods;

    private ToolClass([DynamicallyAccessedMembers(Reflected)] Type type) => Type = type;

    [DynamicallyAccessedMembers(Reflected)]
    public Type Type { get; }

    public static ToolClass Of<[DynamicallyAccessedMembers(Reflected)] T>() => new(typeof(T));
}
