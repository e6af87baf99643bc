using System.Text.Json;
using System.Text.Json.Nodes;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Recorded;

/// <summary>What the product makes of particular recorded shapes: lineage, id and owner fallbacks, partial permissions, logs.</summary>
public sealed class RecordedBehaviourTests
{
    private const string AcrylWorkbook = "9bbbe3b0-c0c8-4fac-b6f1-8dfebfe74f8b";
    private const string DataModel2026 = "147a4d09-a686-4eea-b183-9b82aa0f7beb";

    [Fact]
    public async Task GetLineage_DataModelUpstreamOnlyAsEdgeSource_IsANodeNamedFromTheCache_AndTheElementIsTheRoot()
    {
        await using var replay = await StartAsync(RecordedTenant.DataHub2026);

        var lineage = (await replay.Client.CallAsync("get_lineage", $$"""{"workbook_id":"{{AcrylWorkbook}}","element_id":"dmRefElem01"}""")).Ok();

        lineage.Str("root_node_id").Should().Be("seed_dmref_01");
        var node = lineage.Items("nodes").Should().ContainSingle().Subject;
        node.Str("node_id").Should().Be("CDJLIyOhUoKBSEVI8Wr4n/pwxVRJHBSK");
        node.Str("type").Should().Be("data-model");
        node.Str("data_model_id").Should().Be(DataModel2026);
        node.Str("data_model_name").Should().Be("My Data Model-2");
        lineage.Items("edges").Should().ContainSingle(e => e.Str("source") == node.Str("node_id") && e.Str("target") == "seed_dmref_01");
    }

    [Fact]
    public async Task GetLineage_JoinOfADatasetAndATable_ListsAllThreeUpstreamsButNotTheElement()
    {
        await using var replay = await StartAsync(RecordedTenant.DataHub2024);

        var lineage = (await replay.Client.CallAsync("get_lineage", $$"""{"workbook_id":"{{AcrylWorkbook}}","element_id":"tQJu5N1l81"}""")).Ok();

        lineage.Str("root_node_id").Should().Be("QGgIlk8PQk");
        lineage.Items("nodes").Select(n => n.Str("type")).Should().BeEquivalentTo(["join", "dataset", "table"]);
        lineage.Items("edges").Should().HaveCount(3);
    }

    [Fact]
    public async Task Refresh_DataModelListedWithoutUrlIdOrOwner_TakesTheUrlIdFromFilesAndTheOwnerFromCreatedBy()
    {
        await using var replay = await StartAsync(RecordedTenant.DataHub2024);

        var model = await FindAsync(replay, "Pet Analytics Model", "data-model");

        model.Str("url_id").Should().Be("dm1UrlId", "/v2/dataModels has no urlId here; /v2/files has");
        model.Str("owner_name").Should().Be("Shubham Jagtap", "no ownerId: the creator owns it");
    }

    [Fact]
    public async Task Refresh_DataModelListedWithUrlIdInsteadOfDataModelUrlId_KeepsIt()
    {
        await using var replay = await StartAsync(RecordedTenant.DataHub2026);

        var model = await FindAsync(replay, "My Data Model-2", "data-model");

        model.Str("url_id").Should().Be("CDJLIyOhUoKBSEVI8Wr4n");
        model.Str("owner_name").Should().Be("Shubham Jagtap");
        var described = (await replay.Client.CallAsync("describe_data_model", $$"""{"data_model":"{{DataModel2026}}"}""")).Ok();
        described.Str("url_id").Should().Be("CDJLIyOhUoKBSEVI8Wr4n");
        described.Items("elements").Should().HaveCount(3);
    }

    [Fact]
    public async Task Refresh_WorkbookListedWithoutUrlIdOrOwner_TakesThemFromFiles()
    {
        var tenant = RecordedTenant.Load(RecordedTenant.DataHub2024);
        var listing = JsonNode.Parse(tenant.Responses.Single(r => r.Path == "/v2/workbooks").Body.GetRawText())!;
        var entry = listing["entries"]![0]!.AsObject();
        entry.Remove("workbookUrlId");
        entry.Remove("ownerId");
        entry.Remove("url");
        await using var replay = await StartAsync(RecordedTenant.DataHub2024, sigma => sigma.BodyOverrides["/v2/workbooks"] = listing.ToJsonString());

        var workbook = await FindAsync(replay, "Acryl Workbook", "workbook");

        workbook.Str("url_id").Should().Be("4JRFW1HThPI1K3YTjouXI7", "/v2/files has it");
        workbook.Str("owner_name").Should().Be("Shubham Jagtap");
    }

    [Theory]
    [InlineData("/v2/dataModels", "data-model")]
    [InlineData("/v2/files?typeFilters=data-model", "data-model")]
    [InlineData("/v2/files?typeFilters=report", "report")]
    [InlineData("/v2/files?typeFilters=dataset", "dataset")]
    public async Task Refresh_403OnOneKindsListing_SkipsThatKindWithAWarningAndPublishesTheRest(string forbidden, string kind)
    {
        await using var replay = await StartAsync(RecordedTenant.DataHub2026, sigma => sigma.Overrides[forbidden] = 403, fillCache: false);

        var refresh = (await replay.Client.CallAsync("refresh_cache")).Ok();

        refresh.GetProperty("counts").GetProperty(kind).GetInt32().Should().Be(0);
        refresh.GetProperty("counts").GetProperty("workbook").GetInt32().Should().Be(1, "what could be read is published");
        refresh.Items("warnings").Should().ContainSingle().Which.GetString().Should().Contain("403").And.Contain($"no {kind} documents");
        var heartbeat = (await replay.Client.CallAsync("heartbeat")).Ok();
        heartbeat.Str("status").Should().Be("healthy");
        heartbeat.GetProperty("document_cache").Items("warnings").Should().ContainSingle().Which.GetString().Should().Contain("403");
        heartbeat.Str("next_step").Should().Contain("could not read everything");
    }

    [Fact]
    public async Task Refresh_403OnWorkbooks_StillFails()
    {
        await using var replay = await StartAsync(RecordedTenant.DataHub2026, sigma => sigma.Overrides["/v2/workbooks"] = 403, fillCache: false);

        (await replay.Client.CallAsync("refresh_cache")).Error().Should().Contain("403");
    }

    [Fact]
    public async Task GetElementSql_404AsRecorded_ExplainsDataModelsAndCustomSql_AndLogsAtInformationWithoutAStackTrace()
    {
        await using var replay = await StartAsync(RecordedTenant.DataHub2026);

        var text = (await replay.Client.CallAsync("get_element_sql", $$"""{"workbook_id":"{{AcrylWorkbook}}","element_id":"crossPageDownstreamElem"}""")).Error();

        text.Should().Contain("404").And.Contain("fed by a data model").And.Contain("custom-SQL").And.Contain("get_lineage");
        var logged = replay.Logs.Lines.Where(l => l.Contains("ToolErrorFilter", StringComparison.Ordinal)).ToList();
        logged.Should().ContainSingle().Which.Should().StartWith("Information").And.NotContain("   at ");
        replay.Logs.Lines.Should().NotContain(l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> FindAsync(RecordedServer replay, string name, string type) =>
        (await replay.Client.CallAsync("search_documents", JsonSerializer.Serialize(new { query = name, document_type = type, limit = 1 }))).Ok()
            .Items("results").Single();

    private static async Task<RecordedServer> StartAsync(string tenant, Action<RecordedSigma>? adjust = null, bool fillCache = true)
    {
        var sigma = RecordedSigma.Start(RecordedTenant.Load(tenant));
        adjust?.Invoke(sigma);
        var server = await RecordedServer.StartAsync(sigma, TestTimeouts.Token(), ownsSigma: true);
        if (fillCache)
        {
            (await server.Client.CallAsync("refresh_cache")).Ok();
        }

        return server;
    }
}
