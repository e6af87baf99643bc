using System.Diagnostics;
using System.Text;

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
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(IsToolSetting).ToList())
        {
            info.Environment.Remove(key);
        }

        // Keep the developer's real cache untouched: the default cache folder points into the test's own directory.
        info.Environment["HOME"] = workingDirectory;
        info.Environment["XDG_DATA_HOME"] = Path.Combine(workingDirectory, ".local", "share");
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs the tool to completion and returns exit code, stdout and stderr.</summary>
    public static async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        using var workingDirectory = new TempDirectory();
        return await RunAsync(workingDirectory.Path, settings, arguments);
    }

    public static async Task<ToolRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(workingDirectory, settings, arguments))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sigma-mcp {string.Join(' ', arguments)} did not exit within {TestTimeouts.Default}. stderr: {await stderr}");
        }

        return new ToolRun(process.ExitCode, await stdout, await stderr);
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
