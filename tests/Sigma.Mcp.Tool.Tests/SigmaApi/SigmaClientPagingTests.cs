using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

public sealed class SigmaClientPagingTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(1000)]
    public async Task ListWorkbooks_2345Workbooks_ReturnsEachExactlyOnce(int pageSize)
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 2345 });
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var ids = await sigma.ListWorkbooksAsync(pageSize, TestTimeouts.Token()).Select(w => w.WorkbookId).ToListAsync();

        var expected = sandbox.Data.Workbooks.Select(w => w.Id).ToList();
        expected.Should().HaveCountGreaterThanOrEqualTo(2345);
        ids.ShouldBeExactly(expected);
        sandbox.Requests.Count("GET", "/v2/workbooks").Should().Be((expected.Count + pageSize - 1) / pageSize);
    }

    [Fact]
    public async Task ListWorkbooks_CallerStopsEarly_FetchesNoFurtherPage()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 500 });
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var first = await sigma.ListWorkbooksAsync(50, TestTimeouts.Token()).Take(10).ToListAsync();

        first.Should().HaveCount(10);
        sandbox.Requests.Count("GET", "/v2/workbooks").Should().Be(1);
    }

    [Fact]
    public async Task ListTableColumns_NextPageTokenEndpoint_ReadsPastTheFirst50()
    {
        await using var sandbox = await SigmaSandbox.StartAsync();
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var columns = await sigma.ListTableColumnsAsync(SandboxWellKnown.OrderLinesTableId, pageSize: 50, TestTimeouts.Token()).ToListAsync();

        columns.Should().HaveCountGreaterThan(50).And.OnlyHaveUniqueItems(c => c.Name);
        sandbox.Requests.Count("GET", "/columns").Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task ListAccountTypes_PageTokenStyle_ReadsWhole()
    {
        await using var sandbox = await SigmaSandbox.StartAsync();
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var all = await sigma.ListAccountTypesAsync(pageSize: 2, TestTimeouts.Token()).ToListAsync();

        all.Should().NotBeEmpty().And.OnlyHaveUniqueItems(a => a.AccountTypeId);
    }

    [Fact]
    public async Task ListWorkbookSources_BareArrayEndpoint_ReadsWhole()
    {
        await using var sandbox = await SigmaSandbox.StartAsync();
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var sources = await sigma.ListWorkbookSourcesAsync(SandboxWellKnown.RevenueDashboardId, TestTimeouts.Token()).ToListAsync();

        sources.Should().NotBeEmpty().And.OnlyContain(s => !string.IsNullOrEmpty(s.Type));
    }

    [Fact]
    public async Task ListMembers_AlwaysSendsLimit_ReadsEveryMember()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Members = 120 });
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var members = await sigma.ListMembersAsync(pageSize: 50, TestTimeouts.Token()).ToListAsync();

        members.Select(m => m.MemberId).Should().OnlyHaveUniqueItems().And.HaveCount(sandbox.Data.Members.Count);
        sandbox.Requests.Snapshot().Where(r => r.Path == "/v2/members").Should().OnlyContain(r => r.Query.Contains("limit="));
    }

    [Fact]
    public async Task ListEveryDocumentKind_SandboxOrganization_AllReadable()
    {
        await using var sandbox = await SigmaSandbox.StartAsync();
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();
        var ct = TestTimeouts.Token();

        (await sigma.ListFilesAsync("workbook", cancellationToken: ct).CountAsync()).Should().Be(sandbox.Data.Workbooks.Count);
        (await sigma.ListFilesAsync("data-model", cancellationToken: ct).CountAsync()).Should().BePositive();
        (await sigma.ListDataModelsAsync(cancellationToken: ct).CountAsync()).Should().Be(sandbox.Data.DataModels.Count);
        (await sigma.ListDatasetsAsync(cancellationToken: ct).CountAsync()).Should().Be(sandbox.Data.Datasets.Count);
        (await sigma.ListTeamsAsync(cancellationToken: ct).CountAsync()).Should().BePositive();
        (await sigma.ListConnectionsAsync(cancellationToken: ct).CountAsync()).Should().BePositive();
        (await sigma.ListDataModelElementsAsync(SandboxWellKnown.SalesDataModelId, ct).CountAsync()).Should().BePositive();
        (await sigma.ListDataModelColumnsAsync(SandboxWellKnown.SalesDataModelId, ct).CountAsync()).Should().BePositive();
    }

    [Fact]
    public async Task ListDatasets_ApiRetired_EmptyNotAnError()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { DatasetsRetired = true });
        using var host = ToolServices.Build(sandbox);

        var datasets = await host.Services.GetRequiredService<SigmaClient>().ListDatasetsAsync(cancellationToken: TestTimeouts.Token()).ToListAsync();

        datasets.Should().BeEmpty();
    }

    [Fact]
    public async Task List_ServerRepeatsPageToken_StopsWithErrorInsteadOfLooping()
    {
        using var http = new HttpClient(new RepeatingTokenHandler()) { BaseAddress = new Uri("http://127.0.0.1/") };
        var sigma = new SigmaClient(http);

        var act = async () => await sigma.ListWorkbooksAsync(cancellationToken: TestTimeouts.Token()).CountAsync();

        var error = (await act.Should().ThrowAsync<SigmaApiException>()).Which;
        error.ErrorCode.Should().Be("repeated_page_token");
        error.Message.Should().Contain("'same-token'").And.Contain("after 2 pages");
    }

    /// <summary>A broken server whose every page points at the same next page.</summary>
    private sealed class RepeatingTokenHandler : HttpMessageHandler
    {
        private int _page;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _page);
            var body = $$"""{"entries":[{"workbookId":"wb-{{n}}","workbookUrlId":"u{{n}}","name":"W{{n}}","latestVersion":1,"createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z"}],"nextPage":"same-token"}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
