using System.Diagnostics;
using System.Text;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>Starts external programs (the tool, dotnet, node, npm) and runs them to completion: the one place that does.</summary>
internal static class Commands
{
    /// <summary>
    /// A start description with redirected streams. In <paramref name="environment"/>, a value sets a variable and
    /// null removes an inherited one.
    /// </summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string workingDirectory, IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? [])
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    /// <summary>Runs <paramref name="fileName"/> to completion (at most three minutes).</summary>
    public static async Task<ToolRun> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await RunToEndAsync(StartInfo(fileName, arguments, workingDirectory, environment), timeout.Token);
    }

    /// <summary>Starts the process with stdin closed, collects its output, and kills it if <paramref name="cancellationToken"/> fires first.</summary>
    public static async Task<ToolRun> RunToEndAsync(ProcessStartInfo info, CancellationToken cancellationToken)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException(
                $"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish in time.\n--- stdout\n{await stdout}\n--- stderr\n{await stderr}");
        }

        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}
