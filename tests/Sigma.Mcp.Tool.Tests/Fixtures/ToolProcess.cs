using System.Diagnostics;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// Starts the tool under test as a child process, exactly as a user's shell or an MCP client would: the built
/// <c>sigma-mcp.dll</c> (copied next to the tests by the project reference), or the executable that
/// <c>SIGMA_MCP_TEST_EXECUTABLE</c> names, such as the native build (the README's "Releasing: native packages").
/// </summary>
internal static class ToolProcess
{
    /// <summary>The tool's entry assembly in the test output folder.</summary>
    public static string ToolDll { get; } = Path.Combine(AppContext.BaseDirectory, "sigma-mcp.dll");

    /// <summary>The executable under test in place of <see cref="ToolDll"/>, if one is named.</summary>
    public static string? Executable { get; } =
        Environment.GetEnvironmentVariable("SIGMA_MCP_TEST_EXECUTABLE") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>Whether the tool under test is a native executable, which loads no assemblies (tests of which assemblies load do not apply).</summary>
    public static bool IsNative => Executable is not null;

    /// <summary>The dotnet host running these tests (so that the same SDK and runtime run the tool).</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The command and arguments that start the tool with <paramref name="arguments"/>.</summary>
    public static (string Command, string[] Arguments) Command(params string[] arguments) =>
        Executable is { } executable ? (executable, arguments) : (DotnetHost, [ToolDll, .. arguments]);

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
