using System.Globalization;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// Each tool, called in-process as a client would, against the sandbox with the cache filled: good arguments give
/// a useful structured result (here: search, describe, SQL, lineage, refresh; export and errors in the other parts).
/// </summary>
public sealed partial class ToolBehaviourTests(CachedServerFixture fixture) : IClassFixture<CachedServerFixture>
{
    private const string RevenueDashboard = SandboxWellKnown.RevenueDashboardId;

    private McpClient Client => fixture.Server.Client;

    private SigmaSandbox Sandbox => fixture.Server.Sandbox;

    [Fact]
    public async Task SearchDocuments_RevenueByRegion_RevenueDashboardFirstWithTheChart()
    {
        var result = await Client.CallAsync("search_documents", """{"query":"revenue by region"}""");

        var content = result.Ok();
        var first = content.Items("results").First();
        first.Str("id").Should().Be(RevenueDashboard);
        first.Str("name").Should().Be(SandboxWellKnown.RevenueDashboardName);
        first.Str("workbook_id").Should().Be(RevenueDashboard);
        first.Str("element_id").Should().Be(SandboxWellKnown.RevenueByRegionElementId, "the hit names the chart, ready for export_data");
        first.Str("page_id").Should().Be(SandboxWellKnown.OverviewPageId);
        content.GetProperty("cache").Str("state").Should().Be("ready");
        InProcessServer.Text(result).Should().Contain(SandboxWellKnown.RevenueByRegionElementId, "the text view names the element too");
    }

    [Fact]
    public async Task SearchDocuments_OriginalServerArguments_OnlyWorkbooksWithinLimit()
    {
        var result = await Client.CallAsync("search_documents", """{"query":"sales","document_type":"workbook","limit":3}""");

        var hits = result.Ok().Items("results");
        hits.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(3);
        hits.Should().OnlyContain(h => h.Str("type") == "workbook");
    }

    [Fact]
    public async Task SearchDocuments_DocumentTypeElement_EveryHitNamesAWorkbookElement()
    {
        var result = await Client.CallAsync("search_documents", """{"query":"revenue","document_type":"element","limit":10}""");

        var hits = result.Ok().Items("results");
        hits.Should().NotBeEmpty();
        hits.Should().OnlyContain(h => h.Str("element_id") != null && h.Str("workbook_id") != null && h.Str("element_name") != null,
            "document_type 'element' is documented as 'a chart or table inside a workbook', and export_data needs the workbook_id of the hit");
        hits.Select(h => h.Str("element_id")).Should().Contain(SandboxWellKnown.RevenueByRegionElementId);
    }

    [Theory]
    [InlineData("owner", "Ada")]
    [InlineData("path", "Finance")]
    [InlineData("badge", "Deprecated")]
    [InlineData("updated_since", "2025-01-01")]
    public async Task SearchDocuments_Filter_EveryHitMatchesIt(string filter, string value)
    {
        var unfiltered = (await Client.CallAsync("search_documents", """{"query":"revenue sales","limit":50}""")).Ok().Items("results");
        var result = await Client.CallAsync("search_documents", $$"""{"query":"revenue sales","limit":50,"{{filter}}":"{{value}}"}""");

        var hits = result.Ok().Items("results");
        hits.Should().NotBeEmpty($"some documents match {filter}={value}");
        hits.Should().OnlyContain(h => Matches(h, filter, value), $"{filter}={value} filters the hits");
        unfiltered.Should().Contain(h => !Matches(h, filter, value), "without the filter other documents come back, so the filter did something");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("urlId")]
    [InlineData("url")]
    public async Task DescribeWorkbook_ByIdUrlIdOrUrl_PagesElementsControlsFromTheCache(string referenceKind)
    {
        var reference = referenceKind switch
        {
            "id" => RevenueDashboard,
            "urlId" => SandboxWellKnown.RevenueDashboardUrlId,
            _ => $"https://app.sigmacomputing.com/{Sandbox.Data.OrganizationSlug}/workbook/Revenue-Dashboard-{SandboxWellKnown.RevenueDashboardUrlId}?:nodeId={SandboxWellKnown.RevenueByRegionElementId}",
        };

        var result = await Client.CallAsync("describe_workbook", $$"""{"workbook_id":"{{reference}}"}""");

        var workbook = result.Ok();
        workbook.Str("id").Should().Be(RevenueDashboard);
        workbook.Str("name").Should().Be(SandboxWellKnown.RevenueDashboardName);
        workbook.Str("source").Should().Be("cache", "the cached structure is current, so Sigma is asked only whether it is");
        var pages = workbook.Items("pages");
        pages.Select(p => p.Str("page_id")).Should().Equal(SandboxWellKnown.OverviewPageId, SandboxWellKnown.DetailsPageId);
        var elements = pages.SelectMany(p => p.Items("elements")).ToList();
        elements.Select(e => e.Str("element_id")).Should().Contain(
            [SandboxWellKnown.RevenueByRegionElementId, SandboxWellKnown.OrderLinesElementId, SandboxWellKnown.ExecutiveSummaryElementId]);
        var orderLines = elements.Single(e => e.Str("element_id") == SandboxWellKnown.OrderLinesElementId);
        orderLines.Items("columns").Select(c => c.GetString()).Should().Contain(["Order Id", "Net Revenue"]);
        // The sandbox sends column types as objects, as live tenants do; describe shows them by column name.
        orderLines.GetProperty("column_types").GetProperty("Net Revenue").GetString().Should().NotBeNullOrEmpty();
        workbook.Items("controls").Select(c => c.Str("control_id")).Should().BeEquivalentTo(["p_date_range", "p_region"]);
        workbook.Items("sources").Should().HaveCount(2);
    }

    [Fact]
    public async Task DescribeWorkbook_ChangedInSigmaSinceTheRefresh_ReadsFromSigma()
    {
        const string Churn = SandboxWellKnown.CustomerChurnAnalysisId;
        (await Client.CallAsync("describe_workbook", $$"""{"workbook_id":"{{Churn}}"}""")).Ok().Str("source").Should().Be("cache");
        var touched = Sandbox.Data.TouchWorkbook(Churn);

        var workbook = (await Client.CallAsync("describe_workbook", $$"""{"workbook_id":"{{Churn}}"}""")).Ok();

        workbook.Str("source").Should().Be("sigma", "the cached structure is older than the workbook");
        workbook.GetProperty("latest_version").GetInt32().Should().Be(touched.LatestVersion);
        workbook.Items("pages").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("id")]
    [InlineData("urlId")]
    public async Task DescribeDataModel_SalesDataModel_ElementsWithColumns(string referenceKind)
    {
        var model = Sandbox.Data.FindDataModel(SandboxWellKnown.SalesDataModelId)!;
        var reference = referenceKind == "id" ? model.Id : model.UrlId;

        var result = await Client.CallAsync("describe_data_model", $$"""{"data_model_id":"{{reference}}"}""");

        var description = result.Ok();
        description.Str("id").Should().Be(SandboxWellKnown.SalesDataModelId);
        description.Str("name").Should().Be(SandboxWellKnown.SalesDataModelName);
        description.Str("source").Should().Be("cache");
        var elements = description.Items("elements");
        elements.Should().NotBeEmpty();
        elements.Should().OnlyContain(e => e.Str("element_id") != null && e.GetProperty("columns").GetArrayLength() > 0);
        elements.Select(e => e.Str("name")).Should().Contain("Order Lines");
        elements.Should().Contain(e => e.GetProperty("column_types").ValueKind == System.Text.Json.JsonValueKind.Object);
    }

    [Fact]
    public async Task GetElementSql_Chart_ReturnsTheSqlSigmaRuns()
    {
        var result = await Client.CallAsync("get_element_sql", $$"""{"workbook_id":"{{RevenueDashboard}}","element_id":"{{SandboxWellKnown.RevenueByRegionElementId}}"}""");

        var sql = result.Ok();
        sql.Str("workbook_id").Should().Be(RevenueDashboard);
        sql.Str("element_id").Should().Be(SandboxWellKnown.RevenueByRegionElementId);
        sql.Str("name").Should().Be(SandboxWellKnown.RevenueByRegionElementName);
        sql.Str("sql").Should().StartWith("SELECT").And.Contain("ORDER_LINES").And.Contain("GROUP BY");
    }

    [Fact]
    public async Task GetElementSql_TextElement_IsErrorSayingItHasNoSql()
    {
        var result = await Client.CallAsync("get_element_sql", $$"""{"workbook_id":"{{RevenueDashboard}}","element_id":"{{SandboxWellKnown.ExecutiveSummaryElementId}}"}""");

        var text = result.Error();
        text.Should().Contain(SandboxWellKnown.ExecutiveSummaryElementId).And.Contain("no SQL").And.Contain("describe_workbook");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task GetLineage_Chart_UpstreamNodesAndEdgesUpToTheDataModelNamedFromTheCache()
    {
        var result = await Client.CallAsync("get_lineage", $$"""{"workbook_id":"{{RevenueDashboard}}","element_id":"{{SandboxWellKnown.RevenueByRegionElementId}}"}""");

        var lineage = result.Ok();
        var nodes = lineage.Items("nodes");
        var root = lineage.Str("root_node_id");
        var upstream = nodes.Single(n => n.Str("element_id") == SandboxWellKnown.OrderLinesElementId);
        upstream.Str("type").Should().Be("sheet");
        nodes.Should().NotContain(n => n.Str("element_id") == SandboxWellKnown.RevenueByRegionElementId, "the element itself is the root, not an upstream");
        nodes.Should().NotContain(n => n.Str("node_id") == root);
        // The sandbox, like live tenants, names the data model only as an edge source; its name comes from the cache.
        var model = nodes.Single(n => n.Str("type") == "data-model");
        model.Str("data_model_name").Should().Be(SandboxWellKnown.SalesDataModelName);
        model.Str("data_model_id").Should().Be(SandboxWellKnown.SalesDataModelId);
        lineage.Items("edges").Should().Contain(e => e.Str("source") == upstream.Str("node_id") && e.Str("target") == root)
            .And.Contain(e => e.Str("source") == model.Str("node_id") && e.Str("target") == upstream.Str("node_id"));
        InProcessServer.Text(result).Should().Contain(SandboxWellKnown.SalesDataModelName).And.NotContain(SandboxWellKnown.RevenueByRegionElementName + " (sheet)");
    }

    [Fact]
    public async Task RefreshCache_EmptyCache_ReportsProgressUntilDoneAndFillsSearch()
    {
        await using var server = await InProcessServer.StartAsync(Sandbox, cancellationToken: TestTimeouts.Token());
        // The last notifications may come after the response, when the call's IProgress no longer hears them.
        var session = new ProgressRecorder(p => p.Message?.StartsWith("Done", StringComparison.Ordinal) == true);
        await using var registration = OnEveryProgressNotification(server.Client, session);
        var call = new ProgressRecorder(_ => true);

        var result = await server.Client.CallAsync("refresh_cache", progress: call);

        var summary = result.Ok();
        var done = await session.Finished.WaitAsync(TestTimeouts.Default);
        summary.GetProperty("added").GetInt32().Should().BeGreaterThan(0);
        summary.GetProperty("failed").GetInt32().Should().Be(0);
        call.Values.Should().NotBeEmpty("the caller's IProgress hears about the refresh while it runs");
        done.Total.Should().BeGreaterThan(0, "the total is the number of documents to fetch");
        done.Progress.Should().Be(done.Total!.Value, "the last notification says everything was fetched");
        session.Values.Should().Contain(p => p.Message!.StartsWith("Fetching", StringComparison.Ordinal) && p.Total == done.Total);
        (await server.Client.CallAsync("search_documents", """{"query":"revenue dashboard","limit":1}""")).Ok()
            .Items("results").Single().Str("id").Should().Be(RevenueDashboard);
    }

    [Fact]
    public async Task RefreshCache_ProgressNotifications_EachCarriesAHigherProgressValue()
    {
        await using var server = await InProcessServer.StartAsync(Sandbox, cancellationToken: TestTimeouts.Token());
        string[] phases = ["Fetching", "Writing", "Publishing", "Done"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var session = new ProgressRecorder(p =>
        {
            lock (seen)
            {
                seen.Add(p.Message?.Split(':')[0] ?? "");
                return phases.All(seen.Contains);
            }
        });
        await using var registration = OnEveryProgressNotification(server.Client, session);

        (await server.Client.CallAsync("refresh_cache", progress: new ProgressRecorder(_ => false))).Ok();

        await session.Finished.WaitAsync(TestTimeouts.Default);
        // Compared as a set: the SDK may put notifications on the wire in another order than the tool reported them.
        session.Values.Select(v => v.Progress).Should().OnlyHaveUniqueItems(
            "the MCP spec says 'the progress value MUST increase with each notification'; received: {0}",
            string.Join(" | ", session.Values.Select(v => $"{v.Progress}/{v.Total} {v.Message}")));
    }

    [Fact]
    public async Task RefreshCache_CalledTwice_SecondChangesNothing()
    {
        (await Client.CallAsync("refresh_cache")).Ok();

        var second = (await Client.CallAsync("refresh_cache")).Ok();

        second.GetProperty("added").GetInt32().Should().Be(0);
        second.GetProperty("changed").GetInt32().Should().Be(0);
        second.GetProperty("removed").GetInt32().Should().Be(0);
        second.GetProperty("failed").GetInt32().Should().Be(0);
        second.GetProperty("unchanged").GetInt32().Should().BeGreaterThan(0);
        await ServerStillAnswersAsync();
    }

    /// <summary>
    /// Every progress notification of the session, also those that arrive after their call's response (the SDK client
    /// stops handing a call's notifications to its IProgress when the response arrives).
    /// </summary>
    private static IAsyncDisposable OnEveryProgressNotification(McpClient client, ProgressRecorder recorder) =>
        client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            recorder.Report(JsonSerializer.Deserialize<ProgressNotificationParams>(notification.Params, McpJsonUtilities.DefaultOptions)!.Progress);
            return ValueTask.CompletedTask;
        });

    private static bool Matches(JsonElement hit, string filter, string value) => filter switch
    {
        "owner" => hit.Str("owner_name")?.Contains(value, StringComparison.OrdinalIgnoreCase) == true,
        "path" => hit.Str("path")?.Contains(value, StringComparison.OrdinalIgnoreCase) == true,
        "badge" => hit.Str("badge") == value,
        _ => DateTimeOffset.Parse(hit.Str("updated_at")!, CultureInfo.InvariantCulture)
            >= DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
    };

    /// <summary>After a failed call the server still serves: a search that needs the cache and a call that needs Sigma.</summary>
    private async Task ServerStillAnswersAsync()
    {
        var search = await Client.CallAsync("search_documents", """{"query":"revenue dashboard","limit":1}""");
        search.Ok().Items("results").Should().ContainSingle();
        var sql = await Client.CallAsync("get_element_sql", $$"""{"workbook_id":"{{RevenueDashboard}}","element_id":"{{SandboxWellKnown.RevenueByRegionElementId}}"}""");
        sql.Ok().Str("sql").Should().NotBeNullOrEmpty();
    }
}
