namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// Set equality for large id lists in linear time: FluentAssertions' BeEquivalentTo matches collections pairwise,
/// which takes minutes at 10,000 items.
/// </summary>
internal static class SetAssertions
{
    public static void ShouldBeExactly(this IEnumerable<string> actual, IEnumerable<string> expected, string because = "")
    {
        var sortedActual = actual.Order(StringComparer.Ordinal).ToList();
        var sortedExpected = expected.Order(StringComparer.Ordinal).ToList();
        sortedActual.Should().OnlyHaveUniqueItems(because);
        sortedActual.Count.Should().Be(sortedExpected.Count, because);
        sortedActual.Except(sortedExpected).Should().BeEmpty(because);
    }
}
