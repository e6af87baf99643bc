namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// Graded ranking measures of one question: the rank of the first hit with the question's top grade (what was meant),
/// and nDCG@k with gain 2^grade − 1.
/// </summary>
internal readonly record struct RankingMetrics(int FirstRank, double Ndcg, int ResultCount)
{
    public double ReciprocalRank => FirstRank == 0 ? 0 : 1.0 / FirstRank;

    public bool Top1 => FirstRank == 1;

    public bool Top3 => FirstRank is >= 1 and <= 3;

    public static RankingMetrics Of(int[] grades, IEnumerable<int> labelled, int topGrade, int k)
    {
        var firstRank = 0;
        for (var i = 0; i < Math.Min(k, grades.Length); i++)
        {
            if (grades[i] == topGrade)
            {
                firstRank = i + 1;
                break;
            }
        }

        var ideal = labelled.OrderDescending().Take(k).Select((g, i) => Gain(g, i)).Sum();
        var actual = grades.Take(k).Select((g, i) => Gain(g, i)).Sum();
        return new RankingMetrics(firstRank, ideal == 0 ? 0 : actual / ideal, grades.Length);
    }

    private static double Gain(int grade, int position) => (Math.Pow(2, grade) - 1) / Math.Log2(position + 2);
}
