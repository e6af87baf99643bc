using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// <c>tools/list</c> is served from the catalog built at compile time (<c>src/Sigma.Mcp.Tool/Tools/ToolCatalog.json</c>,
/// embedded); the tools' methods and attributes stay the source. This checks that the committed catalog is exactly what
/// the SDK builds from those methods (with portable schemas), so that a changed description, argument or result type
/// cannot go unnoticed; <c>UPDATE_SNAPSHOTS=true</c> rewrites the file.
/// </summary>
public sealed class ToolCatalogTests
{
    private static readonly JsonSerializerOptions s_fileJson = new(McpJsonUtilities.DefaultOptions)
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable quotes and apostrophes in descriptions; not HTML
    };

    private static string CatalogPath { get; } = Path.Combine(Repository.Root, "src", "Sigma.Mcp.Tool", "Tools", "ToolCatalog.json");

    [Fact]
    public async Task Catalog_CommittedFile_EqualsWhatTheToolMethodsBuild()
    {
        // No tool method takes a service as an argument, so an empty provider builds the schemas the server's does.
        await using var services = new ServiceCollection().BuildServiceProvider();
        var built = ToolCatalog.BuildFromMethods(services);
        var expected = JsonSerializer.Serialize(new ListToolsResult { Tools = [.. built.Select(t => t.ProtocolTool)] }, s_fileJson) + "\n";

        if (string.Equals(Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            await File.WriteAllTextAsync(CatalogPath, expected);
            return;
        }

        var committed = (await File.ReadAllTextAsync(CatalogPath)).ReplaceLineEndings("\n");
        committed.Should().Be(expected,
            "ToolCatalog.json must list what the tool methods declare. If the change is intended, run " +
            "`UPDATE_SNAPSHOTS=true dotnet test tests/Sigma.Mcp.Tool.Tests --filter FullyQualifiedName~ToolCatalogTests`, then rebuild");
    }

    [Fact]
    public async Task Catalog_Embedded_IsTheCommittedFile_ToolsListedInOrder()
    {
        await using var server = await InProcessServer.StartAsync(cancellationToken: TestTimeouts.Token());
        using var stream = typeof(ToolCatalog).Assembly.GetManifestResourceStream(ToolCatalog.ResourceName)!;
        using var reader = new StreamReader(stream);
        (await reader.ReadToEndAsync()).ReplaceLineEndings("\n").Should().Be((await File.ReadAllTextAsync(CatalogPath)).ReplaceLineEndings("\n"));

        // The server starts on ToolNames.All alone and reads the catalog on first use: both must name the same tools.
        using var catalog = JsonDocument.Parse(await File.ReadAllTextAsync(CatalogPath));
        catalog.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString())
            .Should().BeEquivalentTo(ToolNames.All);

        var tools = await server.Client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        tools.Select(t => t.Name).Should().Equal(
            "heartbeat", "search_documents", "describe_workbook", "describe_data_model", "get_element_sql", "get_lineage", "export_data", "refresh_cache");
    }
}
