using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Sandbox;

/// <summary>
/// The sandbox over real HTTP: the API shapes the tool relies on (paging styles, bare arrays, error bodies, the export
/// flow) and the faults its resilience is tested against. Each test starts its own small sandbox, which takes milliseconds.
/// </summary>
public sealed class SigmaSandboxTests
{
    [Fact]
    public async Task Whoami_WithToken_ReturnsAdaLovelace()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);

        JsonElement body = await GetJsonAsync(http, "/v2/whoami");

        body.GetProperty("userId").GetString().Should().Be(SandboxWellKnown.AdaLovelaceMemberId);
        body.GetProperty("organizationId").GetString().Should().Be(sandbox.Data.OrganizationId);
        body.GetProperty("name").GetString().Should().Be("Ada Lovelace");
    }

    [Fact]
    public async Task Whoami_WithoutToken_Returns401WithSigmaErrorBody()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };

        using HttpResponseMessage response = await http.GetAsync("/v2/whoami");
        JsonElement body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        body.GetProperty("code").GetString().Should().Be("unauthorized");
        body.GetProperty("message").GetString().Should().Be("Token missing or malformed");
        body.GetProperty("requestId").GetString().Should().Be(response.Headers.GetValues("x-request-id").Single());
    }

    [Fact]
    public async Task Token_WrongSecret_Returns401InvalidClientCredentials()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };

        using HttpResponseMessage response = await RequestTokenAsync(http, sandbox.ClientId, "wrong");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Invalid client credentials");
    }

    [Fact]
    public async Task Token_BasicAuthThenRefreshGrant_IssuesBearerTokens()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/v2/auth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sandbox.ClientId}:{sandbox.ClientSecret}")));

        using HttpResponseMessage first = await http.SendAsync(basic);
        JsonElement grant = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        using HttpResponseMessage refreshed = await http.PostAsync("/v2/auth/token", new FormUrlEncodedContent(
            [new("grant_type", "refresh_token"), new("refresh_token", grant.GetProperty("refresh_token").GetString()!)]));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        grant.GetProperty("token_type").GetString().Should().Be("bearer");
        grant.GetProperty("expires_in").GetInt32().Should().Be(3600);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        sandbox.Requests.Snapshot().Should().NotContain(r => r.Query.Contains(sandbox.ClientSecret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(1000)]
    public async Task ListWorkbooks_2345Generated_ReturnsEachExactlyOnce(int limit)
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 2345 });
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        int expected = 2345 + SandboxWellKnown.WorkbookCount;

        var ids = new List<string>();
        string? page = null;
        do
        {
            JsonElement body = await GetJsonAsync(http, $"/v2/workbooks?limit={limit}" + (page is null ? string.Empty : "&page=" + page));
            ids.AddRange(body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("workbookId").GetString()!));
            body.GetProperty("total").GetInt32().Should().Be(expected);
            page = body.GetProperty("nextPage").GetString();
        }
        while (page is not null);

        ids.Should().HaveCount(expected).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ListWorkbooks_DeleteAndAddWhilePaging_NeitherRepeatsNorSkipsOthers()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 200 });
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        string deleted = sandbox.Data.Workbooks[150].Id;

        JsonElement first = await GetJsonAsync(http, "/v2/workbooks?limit=100");
        sandbox.Data.DeleteWorkbook(deleted).Should().BeTrue();
        sandbox.Data.AddWorkbook("Pricing Experiment Tracker", "Marketing/Launches");
        var ids = first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("workbookId").GetString()!).ToList();
        for (string? page = first.GetProperty("nextPage").GetString(); page is not null;)
        {
            JsonElement body = await GetJsonAsync(http, "/v2/workbooks?limit=100&page=" + page);
            ids.AddRange(body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("workbookId").GetString()!));
            page = body.GetProperty("nextPage").GetString();
        }

        ids.Should().OnlyHaveUniqueItems().And.NotContain(deleted).And.HaveCount(203);
        ids[^1].Should().Be(sandbox.Data.FindWorkbookByName("Pricing Experiment Tracker")!.Id);
    }

    [Theory]
    [InlineData("/v2/workbooks?limit=1001")]
    [InlineData("/v2/workbooks?page=50")]
    [InlineData("/v2/workbooks/not-a-uuid")]
    [InlineData("/v2/files?typeFilters=spreadsheet")]
    public async Task Get_InvalidRequest_Returns400BadRequest(string path)
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);

        using HttpResponseMessage response = await http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"bad_request\"");
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404NotFound()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);

        using HttpResponseMessage response = await http.GetAsync("/v2/no-such-thing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"not_found\"");
    }

    [Fact]
    public async Task ListMembers_WithoutLimit_ReturnsBareArrayAndWithLimitAPage()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);

        JsonElement bare = await GetJsonAsync(http, "/v2/members");
        JsonElement paged = await GetJsonAsync(http, "/v2/members?limit=5");

        bare.ValueKind.Should().Be(JsonValueKind.Array);
        bare[0].GetProperty("email").GetString().Should().Be(SandboxWellKnown.AdaLovelaceEmail);
        paged.GetProperty("entries").GetArrayLength().Should().Be(5);
        paged.GetProperty("nextPage").GetString().Should().NotBeNull();
    }

    [Fact]
    public async Task ListTableColumns_PageTokenStyle_NeedsMoreThanOnePage()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        string path = $"/v2/connections/tables/{SandboxWellKnown.OrderLinesTableId}/columns";

        var names = new List<string>();
        string? token = null;
        do
        {
            JsonElement body = await GetJsonAsync(http, path + (token is null ? string.Empty : "?pageToken=" + token));
            body.TryGetProperty("nextPage", out _).Should().BeFalse();
            names.AddRange(body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("name").GetString()!));
            token = body.GetProperty("nextPageToken").GetString();
        }
        while (token is not null);

        names.Should().HaveCountGreaterThan(149).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task FailNext_TooManyRequests_Sends429WithRetryAfterOnce()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        sandbox.Faults.FailNext(1, SandboxFault.TooManyRequests(7));

        using HttpResponseMessage throttled = await http.GetAsync("/v2/whoami");
        using HttpResponseMessage next = await http.GetAsync("/v2/whoami");

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        next.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FailEveryNth_Every3rdWorkbookRequest_Fails3rdAnd6thOnly()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        sandbox.Faults.FailEveryNth(3, SandboxFault.ServiceUnavailable(), "/v2/workbooks");

        var statuses = new List<int>();
        for (int i = 0; i < 6; i++)
        {
            using HttpResponseMessage response = await http.GetAsync("/v2/workbooks?limit=5");
            statuses.Add((int)response.StatusCode);
        }

        using HttpResponseMessage other = await http.GetAsync("/v2/whoami");
        statuses.Should().Equal(200, 200, 503, 200, 200, 503);
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DropConnection_FourTimes_SurfacesAsHttpRequestException()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);

        // SocketsHttpHandler silently re-sends up to three times when a connection closes before any response byte.
        sandbox.Faults.FailNext(4, SandboxFault.DropConnection(), "/v2/whoami");
        Func<Task> call = () => http.GetAsync("/v2/whoami");

        await call.Should().ThrowAsync<HttpRequestException>();
        sandbox.Requests.Snapshot().Where(r => r.Path == "/v2/whoami").Should().OnlyContain(r => r.Status == 0);
    }

    [Fact]
    public async Task ExpireAllTokens_ThenCall_Returns401TokenExpiredUntilNewToken()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        sandbox.Faults.ExpireAllTokens();

        using HttpResponseMessage expired = await http.GetAsync("/v2/whoami");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, sandbox));
        using HttpResponseMessage renewed = await http.GetAsync("/v2/whoami");

        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await expired.Content.ReadAsStringAsync()).Should().Contain("Token expired");
        renewed.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_PastLifetimeOnFakeClock_Returns401TokenExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { TimeProvider = clock });
        using HttpClient http = await AuthenticatedClientAsync(sandbox);

        clock.Advance(TimeSpan.FromMinutes(61));
        using HttpResponseMessage response = await http.GetAsync("/v2/whoami");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Token expired");
    }

    [Fact]
    public async Task ExportOrderLines_Csv_Polls204ThenStreamsAllLargeRows()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        string queryId = await StartExportAsync(http, "csv");

        HttpStatusCode[] polls = [await PollAsync(http, queryId), await PollAsync(http, queryId)];
        using HttpResponseMessage file = await http.GetAsync($"/v2/query/{queryId}/download");
        string[] lines = (await file.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');

        polls.Should().Equal(HttpStatusCode.NoContent, HttpStatusCode.NoContent);
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        lines.Should().HaveCount(sandbox.Options.LargeElementRows + 1);
        lines[0].Should().StartWith("Order Id,Order Date,Customer Id,Customer Name,Region");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    public async Task ExportOrderLines_WindowedJson_HonoursOffsetAndRowLimit(string format)
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { ExportPollsBeforeReady = 0 });
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        string queryId = await StartExportAsync(http, format, ",\"offset\":100,\"rowLimit\":3");

        using HttpResponseMessage file = await http.GetAsync($"/v2/query/{queryId}/download");
        string text = await file.Content.ReadAsStringAsync();
        List<JsonElement> rows = format == "json"
            ? [.. JsonDocument.Parse(text).RootElement.EnumerateArray()]
            : [.. text.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement)];

        rows.Select(r => r.GetProperty("Order Id").GetString()).Should().Equal("ORD-0100100", "ORD-0100101", "ORD-0100102");
        rows[0].GetProperty("Net Revenue").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public async Task ElementQuery_TextElement_Returns404()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        string workbook = $"/v2/workbooks/{SandboxWellKnown.RevenueDashboardId}";

        using HttpResponseMessage text = await http.GetAsync($"{workbook}/elements/{SandboxWellKnown.ExecutiveSummaryElementId}/query");
        JsonElement table = await GetJsonAsync(http, $"{workbook}/elements/{SandboxWellKnown.OrderLinesElementId}/query");

        text.StatusCode.Should().Be(HttpStatusCode.NotFound);
        table.GetProperty("sql").GetString().Should().Contain("ORDER_LINES");
    }

    [Fact]
    public async Task Get_50ConcurrentRequestsWithLatency_AllSucceedTogether()
    {
        await using SigmaSandbox sandbox = await SigmaSandbox.StartAsync();
        using HttpClient http = await AuthenticatedClientAsync(sandbox);
        sandbox.Faults.Latency = TimeSpan.FromMilliseconds(200);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => http.GetAsync("/v2/workbooks?limit=20")));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "requests are served concurrently, not one after another");
        sandbox.Requests.Count("GET", "/v2/workbooks").Should().Be(50);
        Array.ForEach(responses, r => r.Dispose());
    }

    [Fact]
    public async Task StartAsync_SameSeed_GeneratesSameContent()
    {
        await using SigmaSandbox first = await SigmaSandbox.StartAsync(new SandboxOptions { Seed = 7 });
        await using SigmaSandbox second = await SigmaSandbox.StartAsync(new SandboxOptions { Seed = 7 });
        string workbookId = first.Data.Workbooks[^1].Id;

        second.Data.Workbooks.Select(w => (w.Id, w.Name, w.Path)).Should().Equal(first.Data.Workbooks.Select(w => (w.Id, w.Name, w.Path)));
        second.Data.GetPages(workbookId).Should().BeEquivalentTo(first.Data.GetPages(workbookId));
        first.Data.FindWorkbookByName(SandboxWellKnown.RevenueDashboardName)!.Badge.Should().Be("Endorsed");
    }

    private static async Task<HttpClient> AuthenticatedClientAsync(SigmaSandbox sandbox)
    {
        var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, sandbox));
        return http;
    }

    private static async Task<string> TokenAsync(HttpClient http, SigmaSandbox sandbox)
    {
        using HttpResponseMessage response = await RequestTokenAsync(http, sandbox.ClientId, sandbox.ClientSecret);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string clientSecret) =>
        http.PostAsync("/v2/auth/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", clientSecret)]));

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using HttpResponseMessage response = await http.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <param name="http">An authenticated client.</param>
    /// <param name="format">csv, json or jsonl.</param>
    /// <param name="extraFields">More body fields, e.g. <c>,"offset":100</c>.</param>
    private static async Task<string> StartExportAsync(HttpClient http, string format, string extraFields = "")
    {
        string body = $"{{\"elementId\":\"{SandboxWellKnown.OrderLinesElementId}\",\"format\":{{\"type\":\"{format}\"}}{extraFields}}}";
        using HttpResponseMessage response = await http.PostAsync(
            $"/v2/workbooks/{SandboxWellKnown.RevenueDashboardId}/export", new StringContent(body, Encoding.UTF8, "application/json"));
        JsonElement json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToString());
        return json.GetProperty("queryId").GetString()!;
    }

    private static async Task<HttpStatusCode> PollAsync(HttpClient http, string queryId)
    {
        using HttpResponseMessage response = await http.GetAsync($"/v2/query/{queryId}/download");
        return response.StatusCode;
    }
}
