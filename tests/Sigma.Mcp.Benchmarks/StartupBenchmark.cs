using System.Diagnostics;
using System.Globalization;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Time from process start to the <c>initialize</c> response of the packed, installed tool (median of 10), beside the
/// time from start to first output line of a plain hello-world console app, both through their apphosts.
/// </summary>
internal static class StartupBenchmark
{
    private const int Runs = 10;
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""";

    public static async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("sigma-mcp-startup-").FullName;
        var root = Shell.RepoRoot();
        await Shell.RunAsync("dotnet", work, "pack", Path.Combine(root, "src", "Sigma.Mcp.Tool"), "-c", "Release", "-o", Path.Combine(work, "nupkg"));
        await Shell.RunAsync("dotnet", work, "tool", "install", "--tool-path", Path.Combine(work, "tools"), "--source", Path.Combine(work, "nupkg"), "Sigma.Mcp.Tool");
        await Shell.RunAsync("dotnet", work, "new", "console", "-o", Path.Combine(work, "hello"), "-n", "hello");
        await Shell.RunAsync("dotnet", work, "build", Path.Combine(work, "hello"), "-c", "Release", "-o", Path.Combine(work, "hello-bin"));

        var tool = await MeasureAsync(Path.Combine(work, "tools", "sigma-mcp"), ["serve"], sendInitialize: true);
        var hello = await MeasureAsync(Path.Combine(work, "hello-bin", "hello"), [], sendInitialize: false);

        Console.WriteLine($"| program | median of {Runs} (ms) | min | max |");
        Console.WriteLine("|---|---|---|---|");
        Print("sigma-mcp serve: start → initialize response", tool);
        Print("hello world: start → first line", hello);
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static void Print(string name, List<double> times) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Shell.Median([.. times]):0} | {times.Min():0} | {times.Max():0} |"));

    private static async Task<List<double>> MeasureAsync(string program, string[] arguments, bool sendInitialize)
    {
        var times = new List<double>();
        for (var i = 0; i < Runs + 1; i++)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            // Settings that pass validation; initialize needs no call to Sigma.
            info.Environment["SIGMA_BASE_URL"] = "http://127.0.0.1:9";
            info.Environment["SIGMA_CLIENT_ID"] = "bench";
            info.Environment["SIGMA_CLIENT_SECRET"] = "bench";
            info.Environment["SIGMA_MCP_LOG_LEVEL"] = "warning";
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(info)!;
            if (sendInitialize)
            {
                await process.StandardInput.WriteLineAsync(Initialize);
                await process.StandardInput.FlushAsync();
            }

            var line = await process.StandardOutput.ReadLineAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            if (line is null)
            {
                throw new InvalidOperationException($"{program} printed nothing: {await process.StandardError.ReadToEndAsync()}");
            }

            if (i > 0)
            {
                times.Add(elapsed); // the first run warms the disk cache
            }
        }

        return times;
    }
}
