using System.IO.Compression;
using System.Runtime.InteropServices;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// The native package (Native AOT) of this machine's platform, packed as a release packs it, installed with
/// <c>dotnet tool install</c> and run through its shim. A class of its own so that its compile (minutes) runs beside
/// <see cref="PackagingTests"/>' rather than after them.
/// </summary>
public sealed class NativePackagingTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task PackAndInstall_NativeBuildOfThisMachinesRid_InstallsNativeExecutableThatRunsHeartbeatServeAndDemo()
    {
        await NativeToolchain.EnsureInstalledAsync();
        var rid = RuntimeInformation.RuntimeIdentifier;
        using var work = new TempDirectory();

        // The release's two steps (README, "Releasing"): the pointer package (here listing this platform only, and its
        // package built as plain IL to save the test a ReadyToRun compile), then this platform's package, native,
        // packed on this platform over the first one. Both build in the test's own folder (--artifacts-path), never in
        // the project's obj/ and bin/, where PackagingTests packs at the same time.
        string[] isolated = ["--artifacts-path", work.File("artifacts")];
        var nupkgs = await PackagingTests.PackAsync(work, rid, [.. isolated, "-p:PublishReadyToRun=false"]);
        await PackagingTests.PackAsync(work, rid, [.. isolated, "-r", rid, "-p:PublishAot=true"]);

        var shim = await PackagingTests.InstallAndCheckAsync(work, nupkgs);
        var package = Path.Combine(nupkgs, $"Sigma.Mcp.Tool.{rid}.0.1.0.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            zip.Entries.Select(e => e.FullName).Where(name => name.StartsWith("tools/", StringComparison.Ordinal)).Should()
                .BeEquivalentTo([$"tools/any/{rid}/sigma-mcp", $"tools/any/{rid}/DotnetToolSettings.xml"], "the native package is one executable");
        }

        await PackagingTests.ServeAsync(fixture.Sandbox, shim, work);

        // Every tool, through the client that checks results against their output schemas (see TypeScriptClientTests).
        var server = Commands.StartInfo(shim, ["serve", "--sandbox"], work.Path);
        var check = await NodeTooling.RunNodeAsync("mcp-client-check.mjs", [server.FileName, .. server.ArgumentList],
            new Dictionary<string, string?> { ["HOME"] = work.Path, ["XDG_DATA_HOME"] = work.File("ts-data") }, work.Path, TestTimeouts.Token());
        check.ExitCode.Should().Be(0, check.ToString());

        // The demo starts the same executable again as its server.
        var demo = await Commands.RunAsync(shim, ["demo"], work.Path,
            new Dictionary<string, string?>(PackagingTests.IsolatedEnvironment) { ["HOME"] = work.Path, ["XDG_DATA_HOME"] = work.File("demo-data") });
        demo.ExitCode.Should().Be(0, demo.ToString());
    }
}
