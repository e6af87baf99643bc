using Sigma.Mcp.Benchmarks;

// Each benchmark prints its figures as a small table; the closing notes quote them.
return args.FirstOrDefault() switch
{
    "startup" => await StartupBenchmark.RunAsync(),
    "listing" => await ListingBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Sigma.Mcp.Benchmarks -- startup|listing");
    return 2;
}
