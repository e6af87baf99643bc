using System.Diagnostics;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// Starts the built tool (<c>sigma-mcp.dll</c>, copied next to the tests by the project reference) as a child process,
/// exactly as a user's shell or an MCP client would.
/// </summary>
internal static class ToolProcess
{
    /// <summary>The tool's entry assembly in the test output folder.</summary>
    public static string ToolDll { get; } = Path.Combine(AppContext.BaseDirectory, "sigma-mcp.dll");

    /// <summary>The dotnet host running these tests (so that the same SDK and runtime run the tool).</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The command and arguments that start the tool with <paramref name="arguments"/>.</summary>
    public static (string Command, string[] Arguments) Command(params string[] arguments) => (DotnetHost, [ToolDll, .. arguments]);

    /// <summary>
    /// Environment for a child tool: isolated from the developer's own settings (an empty working directory, so no
    /// stray .env; no SIGMA_* variables inherited) plus <paramref name="settings"/>.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var (command, args) = Command(arguments);
        var inherited = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(IsToolSetting);

        // No inherited SIGMA_*/AWS_* settings; the developer's real cache untouched (the default cache folder is the test's own).
        IEnumerable<KeyValuePair<string, string?>> environment =
        [
            .. inherited.Select(key => new KeyValuePair<string, string?>(key, null)),
            new("HOME", workingDirectory),
            new("XDG_DATA_HOME", Path.Combine(workingDirectory, ".local", "share")),
            .. settings,
        ];
        return Commands.StartInfo(command, args, workingDirectory, environment);
    }

    /// <summary>Runs the tool to completion and returns exit code, stdout and stderr.</summary>
    public static async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        using var workingDirectory = new TempDirectory();
        return await RunAsync(workingDirectory.Path, settings, arguments);
    }

    public static async Task<ToolRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        return await Commands.RunToEndAsync(StartInfo(workingDirectory, settings, arguments), timeout.Token);
    }

    private static bool IsToolSetting(string name) =>
        name.StartsWith("SIGMA_", StringComparison.Ordinal) || name.StartsWith("AWS_", StringComparison.Ordinal)
        || name is "USE_LOCAL_CACHE" or "CACHE_TABLE_NAME";
}

/// <summary>The outcome of one tool run.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
