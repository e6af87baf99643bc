using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sigma.Sandbox;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Start-up and per-call cost of the tool as users install it, measured side by side and interleaved (every round runs
/// every program once, in a shuffled order), so that the load of a shared machine falls on all of them alike:
/// <list type="bullet">
/// <item>the RID-specific package, native (Native AOT, packed on this machine as a release packs it) and ReadyToRun, and
/// the portable framework-dependent one ("any"), packed from this tree (or, but for the native one, taken from
/// <c>--packages folder</c>), and optionally a baseline (<c>--baseline folder</c>, e.g. packed from an
/// older commit), installed with <c>dotnet tool install</c>;</item>
/// <item>optionally Lambda packages as <c>deploy/build.sh --arch x86_64</c> builds them (<c>--lambda folder</c>, repeatable, e.g.
/// <c>deploy/dist/linux-x64</c>: self-contained composite ReadyToRun, or native with <c>--native</c>), run from that folder
/// as the Lambda runtime does;</item>
/// <item>a hello-world console app (start → first line), the yardstick;</item>
/// <item>over stdio: spawn → <c>initialize</c> answered, <c>tools/list</c>, the first and later <c>search_documents</c>
/// against a small cache (the default sandbox, filled once by <c>cache refresh</c>), peak RSS after them, and searches
/// once the session is warm (see <see cref="StdioProbe"/>);</item>
/// <item>over HTTP: spawn → first <c>initialize</c> answered at <c>/mcp</c> (the Lambda cold-start proxy).</item>
/// </list>
/// </summary>
internal static class StartupBenchmark
{
    private const int Searches = 20;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        var runs = arguments.Count > 0 && int.TryParse(arguments[0], CultureInfo.InvariantCulture, out var n) ? n : 10;
        var baseline = Option(arguments, "--baseline");
        var packages = Option(arguments, "--packages");
        var lambdas = Options(arguments, "--lambda");
        var work = Directory.CreateTempSubdirectory("sigma-mcp-startup-").FullName;
        try
        {
            await using var sandbox = await SigmaSandbox.StartAsync();
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = work,
                ["XDG_DATA_HOME"] = Path.Combine(work, "data"),
                ["SIGMA_BASE_URL"] = sandbox.BaseUrl.ToString(),
                ["SIGMA_CLIENT_ID"] = sandbox.ClientId,
                ["SIGMA_CLIENT_SECRET"] = sandbox.ClientSecret,
                ["SIGMA_MCP_CACHE_PATH"] = Path.Combine(work, "cache.db"),
                ["SIGMA_MCP_LOG_LEVEL"] = "warning",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            };

            var programs = await InstallAsync(work, packages, baseline);
            foreach (var lambda in lambdas)
            {
                var kind = File.Exists(Path.Combine(lambda, "sigma-mcp.dll")) ? "self-contained composite" : "native";
                programs.Add(($"Lambda package ({kind}, {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(lambda)))})", Path.Combine(Path.GetFullPath(lambda), "sigma-mcp")));
            }

            await Shell.RunAsync(programs[0].Path, work, environment, "cache", "refresh");

            var stdio = programs.ToDictionary(p => p.Name, _ => new List<StdioSample>());
            var httpTimes = programs.ToDictionary(p => p.Name, _ => new List<double>());
            var paced = programs.ToDictionary(p => p.Name, _ => new List<(double First, double Later)>());
            var hello = new List<double>();
            var failures = new List<string>();
            var load = File.ReadAllText("/proc/loadavg").Trim();
            var random = new Random(14);
            for (var round = 0; round <= runs; round++)
            {
                var steps = programs.SelectMany(p => new Func<Task>[]
                {
                    async () => Keep(round, stdio[p.Name], await StdioProbe.RunAsync(p.Path, environment, Searches)),
                    async () => Keep(round, httpTimes[p.Name], await HttpProbe.RunAsync(p.Path, environment)),
                    async () => Keep(round, paced[p.Name], await StdioProbe.RunPacedAsync(p.Path, environment)),
                }).Append(async () => Keep(round, hello, await HelloAsync(Path.Combine(work, "hello-bin", "hello")))).ToArray();
                random.Shuffle(steps);
                foreach (var step in steps)
                {
                    try
                    {
                        await step();
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or OperationCanceledException)
                    {
                        // One slow or failed run (a loaded machine) must not cost the others; it is counted and shown.
                        failures.Add(ex.Message.Split('\n')[0]);
                    }
                }
            }

            Print(runs, load, programs, stdio, httpTimes, paced, hello);
            foreach (var failure in failures)
            {
                Console.WriteLine("failed run (left out): " + failure);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string? Option(IReadOnlyList<string> arguments, string name) => Options(arguments, name).FirstOrDefault();

    private static List<string> Options(IReadOnlyList<string> arguments, string name) =>
        [.. arguments.Zip(arguments.Skip(1)).Where(pair => pair.First == name).Select(pair => pair.Second)];

    // The first round only warms the disk cache.
    private static void Keep<T>(int round, List<T> samples, T sample)
    {
        if (round > 0)
        {
            samples.Add(sample);
        }
    }

    private static async Task<List<(string Name, string Path)>> InstallAsync(string work, string? packages, string? baseline)
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        string? native = null;
        if (packages is null)
        {
            // This machine's RID and the portable fallback only: packing all five platforms takes minutes and measures nothing more.
            packages = Path.Combine(work, "nupkg");
            var project = Path.Combine(Shell.RepoRoot(), "src", "Sigma.Mcp.Tool", "Sigma.Mcp.Tool.csproj");
            await Shell.RunAsync("dotnet", work, "pack", project, "-c", "Release", "-o", packages, $"-p:ToolPackageRuntimeIdentifiers=\"{rid};any\"");

            // The native build of this RID's package (README, "Releasing"), beside the same pointer package in a folder of its own.
            native = Path.Combine(work, "nupkg-native");
            await Shell.RunAsync("dotnet", work, "pack", project, "-c", "Release", "-o", native, "-r", rid, "-p:PublishAot=true");
            File.Copy(Path.Combine(packages, "Sigma.Mcp.Tool.0.1.0.nupkg"), Path.Combine(native, "Sigma.Mcp.Tool.0.1.0.nupkg"));
        }

        // The pointer package picks this machine's RID; the portable one is installed by its own id, as a platform
        // without its own package would get it.
        var programs = new List<(string, string)>
        {
            ($"RID-specific ({rid}, ReadyToRun)", await InstallAsync(work, "rid", packages, "Sigma.Mcp.Tool")),
            ("portable (any, framework-dependent)", await InstallAsync(work, "portable", packages, "Sigma.Mcp.Tool.any")),
        };
        if (native is not null)
        {
            programs.Insert(0, ($"RID-specific ({rid}, native AOT)", await InstallAsync(work, "native", native, "Sigma.Mcp.Tool")));
        }

        if (baseline is not null)
        {
            programs.Add(("baseline (--baseline)", await InstallAsync(work, "baseline", baseline, "Sigma.Mcp.Tool")));
        }

        await Shell.RunAsync("dotnet", work, "new", "console", "-o", Path.Combine(work, "hello"), "-n", "hello");
        await Shell.RunAsync("dotnet", work, "build", Path.Combine(work, "hello"), "-c", "Release", "-o", Path.Combine(work, "hello-bin"));
        foreach (var (_, path) in programs)
        {
            await Shell.RunAsync(path, work, "--version");
        }

        return programs;
    }

    private static async Task<string> InstallAsync(string work, string name, string source, string packageId)
    {
        var tools = Path.Combine(work, "tools-" + name);
        await Shell.RunAsync("dotnet", work, "tool", "install", "--tool-path", tools, "--source", Path.GetFullPath(source), packageId);
        return Path.Combine(tools, "sigma-mcp");
    }

    private static async Task<double> HelloAsync(string program)
    {
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(new ProcessStartInfo(program) { RedirectStandardOutput = true })!;
        _ = await process.StandardOutput.ReadLineAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await process.WaitForExitAsync();
        return elapsed;
    }

    private static void Print(
        int runs, string load, List<(string Name, string Path)> programs, Dictionary<string, List<StdioSample>> stdio,
        Dictionary<string, List<double>> http, Dictionary<string, List<(double First, double Later)>> paced, List<double> hello)
    {
        var helloMedian = Median(hello);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} interleaved rounds; load average at start: {load}; at end: {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine();
        var pause = StdioProbe.ClientPause.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| program | spawn → initialize, median (min–max) ms | × hello | HTTP spawn → first /mcp answer, median (min–max) ms | tools/list ms | first search right after tools/list ms | search per call, median / p99 ms | peak RSS MiB (median) | search per call after 400 more, median / p99 ms | paced as a client: first search {pause:0} s after tools/list / the next {pause:0} s later, ms |"));
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, _) in programs)
        {
            var s = stdio[name];
            if (s.Count == 0 || http[name].Count == 0 || paced[name].Count == 0)
            {
                Console.WriteLine($"| {name} | every run failed | | | | | | | | |");
                continue;
            }

            var init = s.Select(x => x.Initialize).ToList();
            var calls = s.SelectMany(x => x.Searches).ToList();
            var warm = s.SelectMany(x => x.WarmSearches).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Median(init):0} ({init.Min():0}–{init.Max():0}) | {Median(init) / helloMedian:0.0} | {Median(http[name]):0} ({http[name].Min():0}–{http[name].Max():0}) | {Median(s.Select(x => x.ToolsList)):0.00} | {Median(s.Select(x => x.FirstSearch)):0.00} | {Median(calls):0.00} / {Percentile(calls, 0.99):0.00} | {Median(s.Select(x => x.PeakRssMiB)):0.0} | {Median(warm):0.00} / {Percentile(warm, 0.99):0.00} | {Median(paced[name].Select(x => x.First)):0.00} / {Median(paced[name].Select(x => x.Later)):0.00} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| hello world: start → first line | {helloMedian:0} ({hello.Min():0}–{hello.Max():0}) | 1.0 | | | | | | | |"));
    }

    private static double Median(IEnumerable<double> values) => Shell.Median([.. values]);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
