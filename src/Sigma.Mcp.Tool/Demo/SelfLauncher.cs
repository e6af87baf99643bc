namespace Sigma.Mcp.Tool.Demo;

/// <summary>How to start this same tool as a child process, whether it runs as an apphost, a tool shim, a native executable or <c>dotnet sigma-mcp.dll</c>.</summary>
internal static class SelfLauncher
{
    public static (string Command, IList<string> Arguments) Resolve(params string[] arguments)
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var isDotnetHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost
            ? (processPath, [Path.Combine(AppContext.BaseDirectory, typeof(SelfLauncher).Assembly.GetName().Name + ".dll"), .. arguments])
            : (processPath, arguments);
    }
}
