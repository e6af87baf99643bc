namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>Sigma.Mcp.Tool.sln</c>, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration these tests were built in (Debug or Release); the tool was built in the same one.</summary>
    public static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sigma.Mcp.Tool.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Sigma.Mcp.Tool.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository.");
    }
}
