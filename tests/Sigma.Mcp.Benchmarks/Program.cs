using BenchmarkDotNet.Running;
using Sigma.Mcp.Benchmarks;

// Each benchmark prints its figures as a small table; the closing notes quote them.
return args.FirstOrDefault() switch
{
    "startup" => await StartupBenchmark.RunAsync(args[1..]),
    "listing" => await ListingBenchmark.RunAsync(),
    "refresh" => await RefreshBenchmark.RunAsync(args[1..]),
    "search" => RunSearch(args[1..]),
    "search-quick" => await SearchQuickBenchmark.RunAsync(args[1..]),
    "search-profile" => await SearchProfile.RunAsync(args[1..]),
    "search-breakdown" => await SearchBreakdown.RunAsync(args[1..]),
    "search-dump" => await SearchDump.RunAsync(args[1..]),
#if SEMANTIC
    "search-semantic" => await SemanticEvaluation.RunAsync(),
#endif
    "http-load" => await HttpLoadBenchmark.RunAsync(args[1..]),
    "member-visibility" => await MemberVisibilityBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

// BenchmarkDotNet: query latency by kind and corpus size, then index build time and allocations. Extra arguments go
// to BenchmarkDotNet (e.g. --filter '*Build*').
static int RunSearch(string[] arguments)
{
    var summaries = BenchmarkSwitcher.FromTypes([typeof(SearchBenchmarks), typeof(SearchBuildBenchmarks)])
        .Run(arguments.Length > 0 ? arguments : ["--filter", "*"]);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Sigma.Mcp.Benchmarks -- startup [runs] [--packages nupkg-folder] [--baseline nupkg-folder] [--lambda deploy/dist/linux-x64]|listing|refresh [sizes]|search|search-quick [sizes…]|search-profile [sizes…]|search-breakdown [size] [word|loop]|search-dump [sizes…]|search-semantic (with -p:Semantic=true)|http-load [seconds] [clients]|member-visibility [sizes…]");
    return 2;
}
