using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

/// <summary>The client under Sigma's bad days: rate limits, server errors, dropped connections, tokens expiring mid-run.</summary>
public sealed class SigmaClientFaultTests : IAsyncLifetime
{
    private const int Workbooks = 1000;
    private SigmaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = Workbooks });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ListWorkbooks_Every5thRequest429RetryAfter1_CompleteWithNothingMissingOrDuplicated()
    {
        _sandbox.Faults.FailEveryNth(5, SandboxFault.TooManyRequests(retryAfterSeconds: 1), "/v2/workbooks");
        using var host = ToolServices.Build(_sandbox);

        var ids = await host.Services.GetRequiredService<SigmaClient>().ListWorkbooksAsync(50, TestTimeouts.Token()).Select(w => w.WorkbookId).ToListAsync();

        ids.ShouldBeExactly(_sandbox.Data.Workbooks.Select(w => w.Id));
        _sandbox.Requests.Snapshot().Count(r => r.Status == 429).Should().BeGreaterThanOrEqualTo(3);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task ListWorkbooks_Every5thRequestServerError_CompleteWithNothingMissingOrDuplicated(int status)
    {
        var fault = status switch { 503 => SandboxFault.ServiceUnavailable(), 502 => SandboxFault.BadGateway(), _ => SandboxFault.GatewayTimeout() };
        _sandbox.Faults.FailEveryNth(5, fault, "/v2/workbooks");
        using var host = ToolServices.Build(_sandbox, sigma: ToolServices.FastRetries);

        var ids = await host.Services.GetRequiredService<SigmaClient>().ListWorkbooksAsync(50, TestTimeouts.Token()).Select(w => w.WorkbookId).ToListAsync();

        ids.Should().OnlyHaveUniqueItems().And.HaveCount(_sandbox.Data.Workbooks.Count);
        _sandbox.Requests.Snapshot().Count(r => r.Status == status).Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task ListWorkbooks_TokenExpiresMidListing_RenewedOnceAndComplete()
    {
        using var host = ToolServices.Build(_sandbox);
        var seen = new List<string>();

        await foreach (var workbook in host.Services.GetRequiredService<SigmaClient>().ListWorkbooksAsync(50, TestTimeouts.Token()))
        {
            seen.Add(workbook.WorkbookId);
            if (seen.Count == 200)
            {
                _sandbox.Faults.ExpireAllTokens();
            }
        }

        seen.Should().OnlyHaveUniqueItems().And.HaveCount(_sandbox.Data.Workbooks.Count);
        _sandbox.Requests.TokenRequests.Should().Be(2);
    }

    [Fact]
    public async Task GetWorkbook_ConnectionDropped_Retried()
    {
        // .NET's socket handler itself re-sends a request up to 3 times when a connection closes before any response
        // byte; the 4th drop reaches the client's own retry.
        _sandbox.Faults.FailNext(4, SandboxFault.DropConnection(), "/v2/workbooks/");
        using var host = ToolServices.Build(_sandbox, sigma: ToolServices.FastRetries);

        var workbook = await host.Services.GetRequiredService<SigmaClient>().GetWorkbookAsync(SandboxWellKnown.RevenueDashboardId, TestTimeouts.Token());

        workbook.Name.Should().Be(SandboxWellKnown.RevenueDashboardName);
        _sandbox.Requests.Count("GET", "/v2/workbooks/" + SandboxWellKnown.RevenueDashboardId).Should().BeGreaterThanOrEqualTo(5, "four dropped, then one answered");
    }

    [Theory]
    [InlineData(400, "bad_request")]
    [InlineData(500, "internal_error")]
    [InlineData(403, "forbidden")]
    public async Task GetWorkbook_PermanentError_NotRetriedAndExplained(int status, string code)
    {
        _sandbox.Faults.FailNext(1, SandboxFault.Status(status, code, "Injected failure"), "/v2/workbooks/");
        using var host = ToolServices.Build(_sandbox, sigma: ToolServices.FastRetries);

        var act = () => host.Services.GetRequiredService<SigmaClient>().GetWorkbookAsync(SandboxWellKnown.RevenueDashboardId, TestTimeouts.Token());

        var error = (await act.Should().ThrowAsync<SigmaApiException>()).Which;
        error.Status.Should().Be((HttpStatusCode)status);
        error.ErrorCode.Should().Be(code);
        error.SigmaMessage.Should().Be("Injected failure");
        error.RequestId.Should().NotBeNullOrEmpty();
        error.Path.Should().Be("/v2/workbooks/" + SandboxWellKnown.RevenueDashboardId);
        _sandbox.Requests.Count("GET", "/v2/workbooks/" + SandboxWellKnown.RevenueDashboardId).Should().Be(1);
    }

    [Theory]
    [InlineData(403, "lacks access")]
    [InlineData(404, "wrong regional host")]
    public async Task GetWorkbook_ClientError_MessageNamesTheLikelyFix(int status, string hint)
    {
        _sandbox.Faults.FailNext(1, SandboxFault.Status(status, "x", "Nope"), "/v2/workbooks/");
        using var host = ToolServices.Build(_sandbox);

        var act = () => host.Services.GetRequiredService<SigmaClient>().GetWorkbookAsync(SandboxWellKnown.RevenueDashboardId, TestTimeouts.Token());

        (await act.Should().ThrowAsync<SigmaApiException>()).Which.Message.Should().Contain(hint);
    }

    [Fact]
    public async Task FaultStorm_WrongSecretRateLimitsAndExpiredTokens_NoSecretOrBearerTokenInAnyLogOrError()
    {
        const string WrongSecret = "wrong-s3cr3t-value";
        var logs = new CapturingLoggerProvider();
        var errors = new List<string>();
        using (var wrong = ToolServices.Build(_sandbox, clientSecret: WrongSecret, sigma: ToolServices.FastRetries, logs: logs))
        {
            try
            {
                await wrong.Services.GetRequiredService<SigmaClient>().GetWhoAmIAsync(TestTimeouts.Token());
            }
            catch (SigmaApiException ex)
            {
                errors.Add(ex.ToString());
            }
        }

        _sandbox.Faults.FailEveryNth(4, SandboxFault.TooManyRequests(1));
        _sandbox.Faults.FailEveryNth(7, SandboxFault.ServiceUnavailable());
        _sandbox.Faults.FailNext(1, SandboxFault.Status(400, "bad_request", "Injected"), "/pages");
        using var host = ToolServices.Build(_sandbox, sigma: ToolServices.FastRetries, logs: logs);
        var sigma = host.Services.GetRequiredService<SigmaClient>();
        await sigma.ListWorkbooksAsync(100, TestTimeouts.Token()).Take(300).CountAsync();
        _sandbox.Faults.ExpireAllTokens();
        await sigma.GetWhoAmIAsync(TestTimeouts.Token());
        try
        {
            await sigma.ListWorkbookPagesAsync(SandboxWellKnown.RevenueDashboardId, TestTimeouts.Token()).CountAsync();
        }
        catch (SigmaApiException ex)
        {
            errors.Add(ex.ToString());
        }

        var everything = string.Join('\n', logs.Lines.Concat(errors));
        logs.Lines.Should().NotBeEmpty();
        errors.Should().HaveCount(2);
        everything.Should().NotContain(WrongSecret).And.NotContain(_sandbox.ClientSecret);
        everything.Should().NotContainEquivalentOf("Bearer ").And.NotContain("access_token");
    }
}
