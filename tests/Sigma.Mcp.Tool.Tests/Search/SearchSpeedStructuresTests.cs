using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using static Sigma.Mcp.Tool.Tests.Search.TestDocuments;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// The structures that keep search fast, each pinned to the straightforward computation it stands for: the bitset
/// sort, the bound of a word not matched yet, the one-byte filter key and the "updated since" prefix.
/// </summary>
public sealed class SearchSpeedStructuresTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(500)]
    [InlineData(20_000)]
    public void SortDistinct_SameAsSort_LeavesBitsClear(int count)
    {
        var random = new Random(count);
        const int universe = 100_003;
        var numbers = Enumerable.Range(0, universe).OrderBy(_ => random.Next()).Take(count).ToArray();
        var expected = numbers.Order().ToArray();
        var bits = new ulong[(universe + 63) / 64];

        SortedInts.SortDistinct(numbers, bits);

        numbers.Should().Equal(expected);
        bits.Should().OnlyContain(b => b == 0);
    }

    [Fact]
    public void Unmatched_BestFirstFieldWithTheOthersExtras_NoMatchScoresMore()
    {
        var random = new Random(6);
        for (var round = 0; round < 2_000; round++)
        {
            var fields = random.Next(1, SearchWeights.FieldCount + 1);
            var best = new float[fields];
            var extra = new float[fields];
            for (var f = 0; f < fields; f++)
            {
                best[f] = random.Next(3) == 0 ? 0f : (float)Math.Round(random.NextDouble() * 10, 2);
                extra[f] = best[f] > 0 && random.Next(2) == 0 ? best[f] * SearchWeights.OtherField : 0f;
            }

            // Every way a word can score over these lists: a first field in full, any of the others their extra.
            var most = 0f;
            for (var first = 0; first < fields; first++)
            {
                for (var others = 0; others < 1 << fields; others++)
                {
                    if (best[first] <= 0f || (others & (1 << first)) != 0)
                    {
                        continue;
                    }

                    var score = best[first];
                    for (var g = 0; g < fields; g++)
                    {
                        score += (others & (1 << g)) != 0 && best[g] > 0f ? extra[g] : 0f;
                    }

                    most = Math.Max(most, score);
                }
            }

            RemainingBounds.Unmatched(best, extra).Should().BeApproximately(most, 1e-4f);
        }
    }

    [Fact]
    public void FilterKey_AllowsAsTheFactsDo()
    {
        string[] types = [DocumentTypes.Workbook, DocumentTypes.DataModel, DocumentTypes.Dataset, DocumentTypes.Report, "other"];
        string?[] badges = [null, "Endorsed", "Warning", "Deprecated"];
        var documents = Enumerable.Range(0, 80).Select(i => Document($"d{i}", types[i % types.Length], $"Sales {i}") with
        {
            Badge = badges[i / 5 % badges.Length],
            IsArchived = i % 7 == 0,
            UpdatedAt = Updated.AddDays(-i),
            OwnerName = i % 3 == 0 ? "Ada Lovelace" : "Grace Hopper",
            Path = i % 4 == 0 ? "Finance/Weekly" : "Sales",
        }).ToList();
        var content = IndexBuilder.Build(documents);
        var queries = new List<(SearchQuery Query, string? Type)>();
        foreach (var type in types.Take(4).Append(null))
        {
            foreach (var badge in badges)
            {
                foreach (var archived in new[] { false, true })
                {
                    queries.Add((new SearchQuery("sales") { Badge = badge, IncludeArchived = archived }, type));
                }
            }
        }

        queries.Add((new SearchQuery("sales") { UpdatedSince = Updated.AddDays(-20) }, null));
        queries.Add((new SearchQuery("sales") { UpdatedSince = Updated.AddDays(-20).AddHours(1), Owner = "ada" }, DocumentTypes.Workbook));
        queries.Add((new SearchQuery("sales") { Path = "finance", Visible = [.. documents.Select((_, i) => i % 2 == 0)] }, null));

        foreach (var (query, type) in queries)
        {
            var filter = new DocumentFilter(query, type, content.OwnerNames, content.OwnerIds, content.Paths, content.Facts);
            for (var d = 0; d < content.Documents.Length; d++)
            {
                content.Allows(filter, d).Should().Be(filter.Allows(d, content.Facts[d]), $"{query} {type} document {d}");
            }
        }
    }

    [Fact]
    public void UpdatedBefore_CountsTheDocumentsUpdatedSince()
    {
        var random = new Random(3);
        var documents = Enumerable.Range(0, 200).Select(i => Workbook($"w{i}", "Plan") with { UpdatedAt = Updated.AddHours(-random.Next(0, 500)) }).ToList();
        var content = IndexBuilder.Build(documents);
        for (var hours = -10; hours <= 510; hours += 7)
        {
            var since = Updated.AddHours(-hours).UtcTicks;
            DocumentFilter.UpdatedBefore(content.Facts, since).Should().Be(content.Facts.Count(f => f.UpdatedTicks >= since));
        }
    }
}
