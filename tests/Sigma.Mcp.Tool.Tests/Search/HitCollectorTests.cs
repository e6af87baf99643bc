using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>The element bonus's candidates are taken best bound first, numbers ascending among equal bounds.</summary>
public sealed class HitCollectorTests
{
    [Fact]
    public void SortByBound_BestBoundFirst_NumbersAscendingAmongEquals()
    {
        (float Bound, float Score, int Number)[] candidates =
            [(5f, 5f, 9), (-3f, -3f, 1), (112f, 100f, 4), (5f, 4f, 2), (0f, 0f, 7), (112f, 112f, 3), (-0.5f, -1f, 8)];

        HitCollector.SortByBound(candidates);

        candidates.Select(c => c.Number).Should().Equal(3, 4, 2, 9, 7, 8, 1);
        candidates.Should().Contain((112f, 100f, 4), "each candidate keeps its own bound and score");
    }

    [Fact]
    public void SortByBound_SameOrderAsTheComparison()
    {
        var random = new Random(11);
        var candidates = Enumerable.Range(0, 5000)
            .Select(n => (Bound: (float)Math.Round((random.NextDouble() * 300) - 50, 1), Score: (float)random.NextDouble(), Number: n * 3))
            .OrderBy(_ => random.Next())
            .ToArray();
        var expected = candidates.ToArray();
        expected.AsSpan().Sort(static (a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : a.Number.CompareTo(b.Number));

        HitCollector.SortByBound(candidates);

        candidates.Should().Equal(expected);
    }
}
