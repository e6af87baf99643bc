namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// What a native (Native AOT) build needs on Linux besides the .NET SDK: clang, which compiles and links it, and zlib's
/// development files. Installed from Debian's packages when missing, once per test run, where the tests may (root,
/// with apt-get: CI and the project's machines); elsewhere a missing one is a failure that says what to install.
/// </summary>
internal static class NativeToolchain
{
    private const string Packages = "clang zlib1g-dev";

    private static readonly Lazy<Task> s_ready = new(EnsureAsync);

    public static Task EnsureInstalledAsync() => s_ready.Value;

    private static async Task EnsureAsync()
    {
        if (IsInstalled())
        {
            return;
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || OnPath("apt-get") is not { } aptGet)
        {
            throw new InvalidOperationException($"The native build needs clang and zlib's development files: on Debian or Ubuntu, apt-get install {Packages}.");
        }

        using var work = new TempDirectory();
        var update = await AptGetAsync(aptGet, work, "update", "-qq");
        update.ExitCode.Should().Be(0, update.ToString());
        var install = await AptGetAsync(aptGet, work, ["install", "-y", "-qq", "--no-install-recommends", .. Packages.Split(' ')]);
        install.ExitCode.Should().Be(0, install.ToString());
        IsInstalled().Should().BeTrue($"apt-get installed {Packages}");
    }

    // Up to ten minutes: a fresh machine downloads about 60 MB.
    private static async Task<ToolRun> AptGetAsync(string aptGet, TempDirectory work, params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        return await Commands.RunToEndAsync(
            Commands.StartInfo(aptGet, arguments, work.Path, [new("DEBIAN_FRONTEND", "noninteractive")]), timeout.Token);
    }

    private static bool IsInstalled() =>
        !OperatingSystem.IsLinux() || (OnPath("clang") is not null && File.Exists("/usr/include/zlib.h"));

    private static string? OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
}
