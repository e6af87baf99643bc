using System.Diagnostics;
using Sigma.Mcp.Tool.Search;
namespace Sigma.Mcp.Benchmarks;
internal static class PerQueryProbe
{
    public static int Run(int size)
    {
        var index = SearchIndex.Build(SearchCorpus.Get(size));
        for (var w = Stopwatch.StartNew(); Environment.GetEnvironmentVariable("SEARCH_DEBUG") is null && w.ElapsedMilliseconds < 2000;) foreach (var q in SearchWorkload.Mix) index.Search(q);
        if (Environment.GetEnvironmentVariable("SEARCH_LOOP") is { } loop)
        {
            var parts = loop.Split('|');
            var query = new SearchQuery(parts[0], parts.Length > 1 ? parts[1] : "all");
            var n = 0;
            for (var w = Stopwatch.StartNew(); w.ElapsedMilliseconds < 8000; n++) index.Search(query);
            Console.WriteLine($"{8000.0 * 1000 / n:0} us/query");
            return 0;
        }
        if (Environment.GetEnvironmentVariable("SEARCH_DEBUG") is not null) { foreach (var q in SearchWorkload.Mix) { Console.WriteLine($"{q.DocumentType} {q.Text}"); index.Search(q); } return 0; }
        foreach (var q in SearchWorkload.Mix)
        {
            var times = new List<double>();
            for (var i = 0; i < 30; i++) { var t = Stopwatch.GetTimestamp(); index.Search(q); times.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds); }
            times.Sort();
            Console.WriteLine($"{times[15],8:0} {times[29],8:0}  {q.DocumentType,-8} {q.Text}");
        }
        return 0;
    }
}
