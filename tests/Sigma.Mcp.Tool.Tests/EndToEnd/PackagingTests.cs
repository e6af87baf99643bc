using System.IO.Compression;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>The tool as users get it: packed, installed with <c>dotnet tool install</c>, run through its shim.</summary>
public sealed class PackagingTests
{
    [Fact]
    public async Task PackAndInstall_ToolPath_GivesWorkingSigmaMcpCommand()
    {
        using var work = new TempDirectory();
        var nupkgs = work.File("nupkg");
        var tools = work.File("tools");
        var dotnet = ToolProcess.DotnetHost;
        var isolated = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

        // --no-build packs the very binaries these tests run against (built with the tests, same configuration).
        var pack = await Commands.RunAsync(dotnet,
            ["pack", Path.Combine(Repository.Root, "src", "Sigma.Mcp.Tool", "Sigma.Mcp.Tool.csproj"), "--no-build", "-c", Repository.BuildConfiguration, "-o", nupkgs],
            work.Path, isolated);
        pack.ExitCode.Should().Be(0, pack.ToString());

        var package = Directory.GetFiles(nupkgs, "Sigma.Mcp.Tool.*.nupkg").Should().ContainSingle().Subject;
        using (var zip = ZipFile.OpenRead(package))
        {
            zip.Entries.Select(e => e.FullName).Should().Contain(".mcp/server.json").And.Contain("README.md");
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var manifest = await nuspec.ReadToEndAsync();
            manifest.Should().Contain("<packageType name=\"DotnetTool\" />").And.Contain("<packageType name=\"McpServer\" />");
        }

        // Installed from outside the repository, from the folder alone, as a user would from a downloaded package.
        var install = await Commands.RunAsync(dotnet, ["tool", "install", "--tool-path", tools, "--source", nupkgs, "Sigma.Mcp.Tool"], work.Path, isolated);
        install.ExitCode.Should().Be(0, install.ToString());

        var shim = Path.Combine(tools, "sigma-mcp");
        var help = await Commands.RunAsync(shim, ["--help"], work.Path, isolated);
        help.ExitCode.Should().Be(0, help.ToString());
        help.Stdout.Should().Contain("serve").And.Contain("heartbeat").And.Contain("cache").And.Contain("demo");

        var heartbeat = await Commands.RunAsync(shim, ["heartbeat", "--sandbox"], work.Path,
            new Dictionary<string, string?>(isolated) { ["HOME"] = work.Path, ["XDG_DATA_HOME"] = work.File("data") });
        heartbeat.ExitCode.Should().Be(0, heartbeat.ToString());
        heartbeat.Stdout.Should().StartWith("sigma-mcp heartbeat: healthy");
    }
}
