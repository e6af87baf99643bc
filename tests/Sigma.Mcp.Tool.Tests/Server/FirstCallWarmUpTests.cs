using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Server;

namespace Sigma.Mcp.Tool.Tests.Server;

/// <summary>The warm-up's sample search goes the way a client's first search with hits does.</summary>
public sealed class FirstCallWarmUpTests
{
    [Fact]
    public void Sample_SampleQuery_FindsTheChartOnItsPage()
    {
        var hits = FirstCallWarmUp.Sample.Index!.Search(new SearchQuery(FirstCallWarmUp.SampleQuery), out _);

        hits.Should().Contain(h => h.Element != null && h.Element.PageId == "page",
            "the warm-up compiles the result path of an element hit (element, page), which clients' first searches take");
    }
}
