using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;
using Sigma.Sandbox.Model;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// The resolver's help ("did you mean", the closest cached name, a document of the other kind) and lineage's data-model
/// names never name a document the caller may not see. Each case is shown to an insider first, who may see the
/// documents and is told about them, so that the outsider's silence is the filter's doing.
/// </summary>
public sealed partial class MemberVisibilityTests
{
    private static readonly string[] s_hidden =
    [
        SandboxWellKnown.RevenueDashboardId, SandboxWellKnown.RevenueDashboardUrlId, SandboxWellKnown.RevenueDashboardName,
        SandboxWellKnown.SalesDataModelId, SandboxWellKnown.SalesDataModelName,
    ];

    [Theory]
    [InlineData("describe_workbook", "workbook_id", "Revenue Dashbord", 3)]        // a name where an id goes: "the best match is …"
    [InlineData("describe_workbook", "workbook_id", "revenue-dashbord", 4)]        // id-shaped: Sigma's 404, then "the closest cached workbook …"
    [InlineData("describe_data_model", "data_model_id", "Sales Data Modl", 5)]
    public async Task Resolver_Suggestions_NeverNameADocumentOutsideTheSet(string tool, string argument, string reference, int pair)
    {
        var (insider, outsider) = TwoMembers(pair);
        Share(insider, outsider);

        var toInsider = await CallToolAsync(insider, tool, new() { [argument] = reference });
        var toOutsider = await CallToolAsync(outsider, tool, new() { [argument] = reference });

        toInsider.Should().ContainAny(SandboxWellKnown.RevenueDashboardId, SandboxWellKnown.SalesDataModelId);
        toOutsider.Should().NotContainAny(s_hidden);
    }

    [Theory]
    [InlineData("describe_workbook", "workbook_id", SandboxWellKnown.SalesDataModelId, 7)]
    [InlineData("describe_data_model", "data_model_id", SandboxWellKnown.RevenueDashboardId, 8)]
    public async Task Resolver_OtherKindOutsideTheSet_AnswersExactlyAsNonexistentId(string tool, string argument, string otherKindId, int pair)
    {
        var (insider, outsider) = TwoMembers(pair);
        Share(insider, outsider);
        const string Missing = "5e5e5e5e-1111-4222-8333-444455556666";

        var toInsider = await CallToolAsync(insider, tool, new() { [argument] = otherKindId });
        var hidden = await CallToolAsync(outsider, tool, new() { [argument] = otherKindId });
        var missing = await CallToolAsync(outsider, tool, new() { [argument] = Missing });

        toInsider.Should().Contain(" is a ", "the insider is told the document is of the other kind");
        hidden.Replace(otherKindId, "<id>", StringComparison.Ordinal).Should().Be(missing.Replace(Missing, "<id>", StringComparison.Ordinal));
        hidden.Replace(otherKindId, "<id>", StringComparison.Ordinal).Should().NotContainAny(s_hidden);
    }

    [Fact]
    public async Task Lineage_DataModelOutsideTheSet_NotNamedFromTheCache()
    {
        var (insider, outsider) = TwoMembers(9);
        Share(insider, outsider);
        Data.Access.Grant(outsider.MemberId, SandboxWellKnown.RevenueDashboardId);
        var arguments = new Dictionary<string, object?> { ["workbook_id"] = SandboxWellKnown.RevenueDashboardId, ["element_id"] = SandboxWellKnown.RevenueByRegionElementId };

        var toInsider = await CallToolAsync(insider, "get_lineage", arguments);
        var toOutsider = await CallToolAsync(outsider, "get_lineage", arguments);

        toInsider.Should().Contain(SandboxWellKnown.SalesDataModelName);
        toOutsider.Should().Contain(SandboxWellKnown.OrderLinesElementName, "the workbook itself is theirs")
            .And.NotContain(SandboxWellKnown.SalesDataModelName).And.NotContain(SandboxWellKnown.SalesDataModelId);
    }

    /// <summary>The insider may open the well-known workbook and data model; the outsider neither.</summary>
    private void Share(SandboxMember insider, SandboxMember outsider)
    {
        foreach (var id in new[] { SandboxWellKnown.RevenueDashboardId, SandboxWellKnown.SalesDataModelId })
        {
            Data.Access.Grant(insider.MemberId, id);
            Data.Access.Revoke(outsider.MemberId, id);
        }
    }

    /// <summary>Everything the caller is told: the text and the structured content.</summary>
    private async Task<string> CallToolAsync(SandboxMember member, string tool, Dictionary<string, object?> arguments)
    {
        await using var client = await fixture.ConnectAsync(TokenFor(member));
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: TestTimeouts.Token());
        return Text(result) + "\n" + result.StructuredContent?.ToString();
    }
}
