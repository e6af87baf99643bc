using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Resources;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;

namespace Sigma.Mcp.Tool.Tests.Resources;

/// <summary>
/// Workbooks and data models as resources. The server lists their templates from the methods' attributes and builds
/// the SDK's resources (AI function, URI-template parser) only on first read (<see cref="DeferredResource"/>), so these
/// check that what is listed is what the SDK would list, and that reading works the same either way.
/// </summary>
public sealed class SigmaResourcesTests
{
    [Fact]
    public async Task Templates_ListedFromAttributes_EqualWhatTheSdkBuildsFromTheMethods()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        foreach (var method in DeferredResource.MethodsOf<SigmaResources>())
        {
            var listed = DeferredResource.Create<SigmaResources>(method, services).ProtocolResourceTemplate;
            var built = DeferredResource.Build<SigmaResources>(method, services).ProtocolResourceTemplate;

            Json(listed).Should().Be(Json(built), $"the template of {method.Name} must be listed as the SDK lists it");
        }
    }

    [Fact]
    public async Task Server_ListsBothTemplates_BuildsNoResourceUntilARead_ThenReadsAWorkbook()
    {
        await using var server = await InProcessServer.StartAsync(fillCache: true, cancellationToken: TestTimeouts.Token());

        var templates = await server.Client.ListResourceTemplatesAsync(cancellationToken: TestTimeouts.Token());
        templates.Select(t => t.UriTemplate).Should().BeEquivalentTo("sigma://workbooks/{id}", "sigma://data-models/{id}");
        var deferred = server.Services.GetServices<McpServerResource>().OfType<DeferredResource>().ToList();
        deferred.Should().HaveCount(2).And.OnlyContain(r => !r.IsBuilt, "listing needs no resource built");

        var workbook = server.Sandbox.Data.Workbooks[0];
        var read = await server.Client.ReadResourceAsync($"sigma://workbooks/{workbook.Id}", cancellationToken: TestTimeouts.Token());

        var contents = read.Contents.Should().ContainSingle().Which.Should().BeOfType<TextResourceContents>().Subject;
        contents.MimeType.Should().Be("application/json");
        using var description = JsonDocument.Parse(contents.Text);
        description.RootElement.GetProperty("name").GetString().Should().Be(workbook.Name);
    }

    [Fact]
    public async Task Read_UnknownUri_FailsWithAProtocolErrorNamingIt()
    {
        await using var server = await InProcessServer.StartAsync(cancellationToken: TestTimeouts.Token());

        var read = () => server.Client.ReadResourceAsync("sigma://dashboards/nope", cancellationToken: TestTimeouts.Token()).AsTask();

        // The SDK answers invalid params (-32602) for a URI that no template matches, naming the URI.
        (await read.Should().ThrowAsync<McpProtocolException>()).Which.Message.Should().Contain("sigma://dashboards/nope");
    }

    private static string Json(ResourceTemplate template) => JsonSerializer.Serialize(template, McpJsonUtilities.DefaultOptions);
}
