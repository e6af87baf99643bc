using System.Diagnostics;
using System.Net;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;
using Sigma.Sandbox.Model;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// Team mode's per-user visibility against the sandbox: each OAuth caller sees only the documents their Sigma member
/// can open (<c>/v2/members/{id}/files</c>); anything else is "not found" exactly as a nonexistent id is.
/// </summary>
public sealed partial class MemberVisibilityTests(OAuthServerFixture fixture) : IClassFixture<OAuthServerFixture>
{
    private const string NoSuchWorkbook = "5e5e5e5e-1111-4222-8333-444455556666";

    private SandboxData Data => fixture.Sandbox.Data;

    [Fact]
    public async Task Search_TwoMembersSameQuery_DifferentHits()
    {
        var (granted, revoked) = TwoMembers(0);
        Data.Access.Grant(granted.MemberId, SandboxWellKnown.RevenueDashboardId);
        Data.Access.Revoke(revoked.MemberId, SandboxWellKnown.RevenueDashboardId);

        var seenByGranted = await SearchIdsAsync(granted, SandboxWellKnown.RevenueDashboardName);
        var seenByRevoked = await SearchIdsAsync(revoked, SandboxWellKnown.RevenueDashboardName);

        seenByGranted.Should().Contain(SandboxWellKnown.RevenueDashboardId);
        seenByRevoked.Should().NotContain(SandboxWellKnown.RevenueDashboardId);
        seenByGranted.Should().NotEqual(seenByRevoked);
    }

    [Theory]
    [InlineData("describe_workbook")]
    [InlineData("get_element_sql")]
    [InlineData("get_lineage")]
    [InlineData("export_data")]
    public async Task Tool_DocumentOutsideSet_AnswersExactlyAsNonexistentId(string tool)
    {
        var (_, outsider) = TwoMembers(1);
        Data.Access.Revoke(outsider.MemberId, SandboxWellKnown.RevenueDashboardId);
        await using var client = await fixture.ConnectAsync(TokenFor(outsider));

        var hidden = await CallAsync(client, tool, SandboxWellKnown.RevenueDashboardId);
        var missing = await CallAsync(client, tool, NoSuchWorkbook);

        hidden.IsError.Should().BeTrue();
        Text(missing).Should().Contain(NoSuchWorkbook, "the answer is about the id, not about the arguments");
        Text(hidden).Replace(SandboxWellKnown.RevenueDashboardId, "<id>", StringComparison.Ordinal).Should()
            .Be(Text(missing).Replace(NoSuchWorkbook, "<id>", StringComparison.Ordinal), "a hidden document must be indistinguishable from a missing one");
        Text(hidden).Should().NotContain(SandboxWellKnown.RevenueDashboardName);
    }

    [Fact]
    public async Task Mcp_EmailOfNoMember_Returns403WithClearMessage()
    {
        using var http = fixture.CreateHttpClient(fixture.Token("nobody@example.org", "user-nobody"));

        using var response = await http.PostAsync("mcp", new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not an active member of this Sigma organization");
    }

    [Fact]
    public async Task Search_DocumentRevoked_DisappearsAfterCachePeriod()
    {
        var (member, _) = TwoMembers(2);
        Data.Access.Grant(member.MemberId, SandboxWellKnown.CustomerChurnAnalysisId);
        (await SearchIdsAsync(member, SandboxWellKnown.CustomerChurnAnalysisName)).Should().Contain(SandboxWellKnown.CustomerChurnAnalysisId);

        Data.Access.Revoke(member.MemberId, SandboxWellKnown.CustomerChurnAnalysisId);

        // The fixture's SIGMA_MCP_MEMBER_ACCESS_TTL is 2 s: the set is re-read in the background after 1 s and never
        // used after 2 s.
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string?> ids;
        do
        {
            ids = await SearchIdsAsync(member, SandboxWellKnown.CustomerChurnAnalysisName);
        }
        while (ids.Contains(SandboxWellKnown.CustomerChurnAnalysisId) && clock.Elapsed < TestTimeouts.Default);

        ids.Should().NotContain(SandboxWellKnown.CustomerChurnAnalysisId);
    }

    /// <summary>Two distinct active non-admin members, a different pair per test so that grants do not collide.</summary>
    private (SandboxMember First, SandboxMember Second) TwoMembers(int pair)
    {
        var members = Data.Members.Where(m => m is { IsArchived: false, IsInactive: false } && m.MemberType != "Admin").ToList();
        return (members[pair * 2], members[(pair * 2) + 1]);
    }

    private string TokenFor(SandboxMember member) => fixture.Token(member.Email, "user-" + member.MemberId);

    private async Task<IReadOnlyList<string?>> SearchIdsAsync(SandboxMember member, string query)
    {
        await using var client = await fixture.ConnectAsync(TokenFor(member));
        var result = await client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = query }, cancellationToken: TestTimeouts.Token());
        result.IsError.Should().NotBe(true, Text(result));
        return [.. result.StructuredContent!.Value.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString())];
    }

    private static Task<CallToolResult> CallAsync(McpClient client, string tool, string workbookId)
    {
        var arguments = new Dictionary<string, object?> { ["workbook_id"] = workbookId };
        if (tool != "describe_workbook")
        {
            arguments["element_id"] = SandboxWellKnown.RevenueByRegionElementId;
        }

        return client.CallToolAsync(tool, arguments, cancellationToken: TestTimeouts.Token()).AsTask();
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
