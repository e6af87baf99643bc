using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// The tool as users get it: packed, installed with <c>dotnet tool install</c>, run through its shim. The release ships a
/// pointer package, one precompiled (ReadyToRun) package per supported platform and a portable framework-dependent one
/// ("any") for every other platform; each test packs only what it installs, since packing every platform takes minutes.
/// A platform's native package, packed over its ReadyToRun one, is <see cref="NativePackagingTests"/>' to test.
/// </summary>
public sealed class PackagingTests : IAsyncLifetime
{
    internal static IReadOnlyDictionary<string, string?> IsolatedEnvironment { get; } = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    private SigmaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SigmaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task PackAndInstall_ThisMachinesRid_InstallsReadyToRunPackageThatRunsHeartbeatAndServe()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        using var work = new TempDirectory();

        var nupkgs = await PackAsync(work, rid);

        File.Exists(Path.Combine(nupkgs, "Sigma.Mcp.Tool.0.1.0.nupkg")).Should().BeTrue();
        File.Exists(Path.Combine(nupkgs, $"Sigma.Mcp.Tool.{rid}.0.1.0.nupkg")).Should().BeTrue();
        var settings = await ReadToolSettingsAsync(Path.Combine(nupkgs, "Sigma.Mcp.Tool.0.1.0.nupkg"));
        settings.Should().Contain($"<RuntimeIdentifierPackage RuntimeIdentifier=\"{rid}\" Id=\"Sigma.Mcp.Tool.{rid}\"");

        var shim = await InstallAndCheckAsync(work, nupkgs);
        IsReadyToRun(InstalledDll(work)).Should().BeTrue("the platform's package is the precompiled build");
        (ReadyToRunFlags(InstalledDll(work)) & UnrelatedR2RCode).Should().NotBe(0,
            "the platform's package also carries the framework generics it instantiates (crossgen2's non-local generics, see the csproj)");
        await ServeAsync(_sandbox, shim, work);
    }

    [Fact]
    public async Task PackAndInstall_Portable_InstallsFrameworkDependentPackageThatRunsHeartbeatAndServe()
    {
        using var work = new TempDirectory();

        // "any" alone: the package "dotnet tool install" falls back to on a platform without its own package.
        var nupkgs = await PackAsync(work, "any");

        var settings = await ReadToolSettingsAsync(Path.Combine(nupkgs, "Sigma.Mcp.Tool.0.1.0.nupkg"));
        settings.Should().Contain("<RuntimeIdentifierPackage RuntimeIdentifier=\"any\" Id=\"Sigma.Mcp.Tool.any\"");
        var shim = await InstallAndCheckAsync(work, nupkgs);
        IsReadyToRun(InstalledDll(work)).Should().BeFalse("the portable package is plain IL, compiled on the user's machine");
        await ServeAsync(_sandbox, shim, work);
    }

    internal static async Task<string> PackAsync(TempDirectory work, string toolRids, params string[] properties)
    {
        var nupkgs = work.File("nupkg");

        // A RID-specific pack builds (and precompiles) its own output under bin/<configuration>/net10.0/<rid>, beside the
        // RID-less build these tests run against.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var pack = await Commands.RunToEndAsync(Commands.StartInfo(ToolProcess.DotnetHost,
            ["pack", Path.Combine(Repository.Root, "src", "Sigma.Mcp.Tool", "Sigma.Mcp.Tool.csproj"), "-c", Repository.BuildConfiguration, "-o", nupkgs,
                $"-p:ToolPackageRuntimeIdentifiers={toolRids}", .. properties],
            work.Path, IsolatedEnvironment), timeout.Token);
        pack.ExitCode.Should().Be(0, pack.ToString());

        var pointer = Path.Combine(nupkgs, "Sigma.Mcp.Tool.0.1.0.nupkg");
        using var zip = ZipFile.OpenRead(pointer);
        zip.Entries.Select(e => e.FullName).Should().Contain(".mcp/server.json").And.Contain("README.md");
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var manifest = await nuspec.ReadToEndAsync();
        manifest.Should().Contain("<packageType name=\"DotnetTool\" />").And.Contain("<packageType name=\"McpServer\" />");
        if (Directory.Exists(Path.Combine(Repository.Root, ".git")))
        {
            // Source Link records where the package came from: the origin remote's URL when the clone has one, and the commit.
            manifest.Should().MatchRegex("<repository type=\"git\"[^>]* commit=\"[0-9a-f]{40}\"");
        }
        return nupkgs;
    }

    private static async Task<string> ReadToolSettingsAsync(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        return await reader.ReadToEndAsync();
    }

    // Installed from outside the repository, from the folder alone, as a user would from downloaded packages.
    internal static async Task<string> InstallAndCheckAsync(TempDirectory work, string nupkgs)
    {
        var tools = work.File("tools");
        var install = await Commands.RunAsync(ToolProcess.DotnetHost, ["tool", "install", "--tool-path", tools, "--source", nupkgs, "Sigma.Mcp.Tool"], work.Path, IsolatedEnvironment);
        install.ExitCode.Should().Be(0, install.ToString());

        var shim = Path.Combine(tools, "sigma-mcp");
        var help = await Commands.RunAsync(shim, ["--help"], work.Path, IsolatedEnvironment);
        help.ExitCode.Should().Be(0, help.ToString());
        help.Stdout.Should().Contain("serve").And.Contain("heartbeat").And.Contain("cache").And.Contain("demo");

        var heartbeat = await Commands.RunAsync(shim, ["heartbeat", "--sandbox"], work.Path,
            new Dictionary<string, string?>(IsolatedEnvironment) { ["HOME"] = work.Path, ["XDG_DATA_HOME"] = work.File("data") });
        heartbeat.ExitCode.Should().Be(0, heartbeat.ToString());
        heartbeat.Stdout.Should().StartWith("sigma-mcp heartbeat: healthy");
        return shim;
    }

    internal static async Task ServeAsync(SigmaSandbox sandbox, string shim, TempDirectory work)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sigma-mcp",
            Command = shim,
            WorkingDirectory = work.Path,
            Arguments = ["serve"],
            EnvironmentVariables = new Dictionary<string, string?>(SandboxSettings.For(sandbox))
            {
                ["HOME"] = work.Path,
                ["SIGMA_MCP_CACHE_PATH"] = work.File("cache.db"),
            },
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestTimeouts.Token());

        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        tools.Select(t => t.Name).Should().Contain(["heartbeat", "search_documents"]);
        var result = await client.CallToolAsync("heartbeat", cancellationToken: TestTimeouts.Token());
        result.IsError.Should().NotBe(true);
        result.StructuredContent!.Value.GetProperty("status").GetString().Should().Be("healthy");
    }

    private static string InstalledDll(TempDirectory work) =>
        Directory.GetFiles(work.File("tools"), "sigma-mcp.dll", SearchOption.AllDirectories).Should().ContainSingle().Subject;

    // READYTORUN_FLAG_UNRELATED_R2R_CODE: the image holds code that belongs to other modules' generics.
    private const uint UnrelatedR2RCode = 0x80;

    // The ReadyToRun header the managed native header points at: signature "RTR", major and minor version, then flags.
    private static uint ReadyToRunFlags(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var header = pe.GetSectionData(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.RelativeVirtualAddress).GetReader();
        header.ReadUInt32().Should().Be(0x00525452, "a ReadyToRun header starts with 'RTR'");
        _ = header.ReadUInt16();
        _ = header.ReadUInt16();
        return header.ReadUInt32();
    }

    // A ReadyToRun image carries native code in a managed native header beside its IL.
    private static bool IsReadyToRun(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
