using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Server;

namespace Sigma.Mcp.Tool.Tests.Server;

/// <summary>The warm-up's sample searches go the ways clients' first searches do.</summary>
public sealed class FirstCallWarmUpTests
{

    [Fact]
    public void Sample_SampleQuery_FindsTheChartOnItsPage()
    {
        var hits = FirstCallWarmUp.Sample.Index!.Search(new SearchQuery(FirstCallWarmUp.SampleQuery), out _);

        hits.Should().Contain(h => h.Element != null && h.Element.PageId == "page",
            "the warm-up compiles the result path of an element hit (element, page), which clients' first searches take");
    }

    [Fact]
    public void RareCalls_TakeThePathsTheyAreThereFor()
    {
        var calls = FirstCallWarmUp.RareCalls.ToDictionary(c => c.Query, c => c.Limit);
        var sample = FirstCallWarmUp.RareSample().Index!;

        // One more hit than the limit: the answer says where the next page starts (next_offset).
        calls["revenue"].Should().Be(1);
        sample.Search(new SearchQuery("revenue", "all", 2), out _).Should().HaveCount(2);

        sample.Search(new SearchQuery("revnue regoin", "all", 10), out var unmatched).Should().NotBeEmpty("misspellings match");
        unmatched.Should().BeEmpty();

        sample.Search(new SearchQuery("rev", "all", 50), out _).Select(h => h.Document.Name.Split(' ')[0]).Distinct()
            .Should().HaveCountGreaterThan(2, "a prefix of several words is expanded to each");

        var manyWords = FirstCallWarmUp.RareCalls.Single(c => c.Query.Split(' ').Length > 8).Query;
        sample.Search(new SearchQuery(manyWords, "all", 50), out _).Should().HaveCountGreaterThan(16,
            "more hits (and posting lists) than a sort handles by insertion: the sort's partitioning code is compiled too");
    }
}
