using System.Text.Json;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Recorded;

/// <summary>
/// Sigma as other projects recorded it from live tenants (DataHub's and Dagster's Sigma tests; see README.md here),
/// replayed over HTTP to the whole product: refresh, status (heartbeat), search, describe, SQL and lineage must read
/// every recorded response, and every recorded response must be asked for.
/// </summary>
public sealed class RecordedShapesTests
{
    public static TheoryData<string> Tenants => [.. RecordedTenant.All];

    [Fact]
    public void Recordings_EachNamesItsSource_AndTogetherHoldTheCountedResponses()
    {
        var tenants = RecordedTenant.All.Select(RecordedTenant.Load).ToList();

        tenants.Should().OnlyContain(t => t.Source.GetProperty("repo").GetString()!.Length > 0 && t.Source.GetProperty("path").GetString()!.Length > 0);
        tenants.Sum(t => t.Recorded.Count()).Should().Be(45, "the count in README.md and docs/sigma-recorded-shapes.md");
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task EveryTool_RecordedTenant_ReadsEveryRecordedResponse(string name)
    {
        var tenant = RecordedTenant.Load(name);
        await using var sigma = RecordedSigma.Start(tenant);
        await using var server = await RecordedServer.StartAsync(sigma, TestTimeouts.Token());
        var client = server.Client;

        var refresh = (await client.CallAsync("refresh_cache")).Ok();
        var heartbeat = (await client.CallAsync("heartbeat")).Ok();
        heartbeat.Str("status").Should().Be("healthy");
        heartbeat.GetProperty("document_cache").GetProperty("generation").GetInt64().Should().Be(refresh.GetProperty("generation").GetInt64());

        foreach (var workbook in Documents(tenant, "/v2/workbooks", "workbookId"))
        {
            await ReadWorkbookAsync(client, tenant, workbook);
        }

        foreach (var model in Documents(tenant, "/v2/dataModels", "dataModelId").Where(m => tenant.Responses.Any(r => r.Path == $"/v2/dataModels/{m}")))
        {
            var described = (await client.CallAsync("describe_data_model", $$"""{"data_model":"{{model}}"}""")).Ok();
            described.Str("url_id").Should().NotBeNullOrEmpty("a urlId under any name is kept");
        }

        // Per-element column listings: the product reads columns per workbook, so these are read through the client.
        var client2 = (Sigma.Mcp.Tool.SigmaApi.SigmaClient)server.Services.GetService(typeof(Sigma.Mcp.Tool.SigmaApi.SigmaClient))!;
        foreach (var columns in tenant.Responses.Where(r => r.Path.EndsWith("/columns", StringComparison.Ordinal) && r.Path.Contains("/elements/", StringComparison.Ordinal)))
        {
            var parts = columns.Path.Split('/');
            (await client2.ListElementColumnsAsync(parts[3], parts[5], TestTimeouts.Token()).ToListAsync()).Should().NotBeEmpty()
                .And.OnlyContain(c => c.ColumnId.Length > 0 && c.Label != null);
        }

        sigma.Served.Where(r => r.Recorded).Select(r => r.ToString()).Should().BeEquivalentTo(tenant.Recorded.Select(r => r.ToString()), "the product reads every recorded response; unanswered: {0}", string.Join(", ", sigma.Unanswered));
        server.Logs.Lines.Should().NotContain(l => l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("JsonException", StringComparison.Ordinal));
    }

    private static async Task ReadWorkbookAsync(McpClient client, RecordedTenant tenant, string workbookId)
    {
        var name = Entry(tenant, "/v2/workbooks", "workbookId", workbookId).GetProperty("name").GetString()!;
        var hit = (await client.CallAsync("search_documents", JsonSerializer.Serialize(new { query = name, document_type = "workbook", limit = 1 }))).Ok();
        var found = hit.Items("results").Single();
        found.Str("id").Should().Be(workbookId);
        found.Str("url_id").Should().NotBeNullOrEmpty();
        found.Str("owner_name").Should().NotBeNullOrEmpty("owners resolve through the recorded member list");

        var described = (await client.CallAsync("describe_workbook", $$"""{"workbook":"{{workbookId}}"}""")).Ok();
        described.Items("pages").SelectMany(p => p.Items("elements")).Should().NotBeEmpty();

        foreach (var lineagePath in tenant.Responses.Select(r => r.Path).Where(p => p.StartsWith($"/v2/workbooks/{workbookId}/lineage/elements/", StringComparison.Ordinal)))
        {
            var element = lineagePath[(lineagePath.LastIndexOf('/') + 1)..];
            var lineage = (await client.CallAsync("get_lineage", $$"""{"workbook_id":"{{workbookId}}","element_id":"{{element}}"}""")).Ok();
            lineage.Str("root_node_id").Should().NotBeNull("every recorded answer holds the element's own node");
            lineage.Items("nodes").Should().NotBeEmpty().And.NotContain(n => n.Str("element_id") == element);
        }

        foreach (var query in tenant.Responses.Where(r => r.Path.StartsWith($"/v2/workbooks/{workbookId}/elements/", StringComparison.Ordinal) && r.Path.EndsWith("/query", StringComparison.Ordinal)))
        {
            var element = query.Path.Split('/')[^2];
            var sql = await client.CallAsync("get_element_sql", $$"""{"workbook_id":"{{workbookId}}","element_id":"{{element}}"}""");
            if (query.Status == 200)
            {
                sql.Ok().Str("sql").Should().Be(query.Body.GetProperty("sql").GetString());
            }
            else
            {
                sql.Error().Should().Contain("data model", "a 404 is explained as live tenants answer it");
            }
        }
    }

    internal static IEnumerable<string> Documents(RecordedTenant tenant, string path, string idProperty) =>
        tenant.Responses.Where(r => r.Path == path && r.Status == 200)
            .SelectMany(r => r.Body.GetProperty("entries").EnumerateArray())
            .Select(e => e.GetProperty(idProperty).GetString()!);

    private static JsonElement Entry(RecordedTenant tenant, string path, string idProperty, string id) =>
        tenant.Responses.Where(r => r.Path == path).SelectMany(r => r.Body.GetProperty("entries").EnumerateArray())
            .First(e => e.GetProperty(idProperty).GetString() == id);
}
