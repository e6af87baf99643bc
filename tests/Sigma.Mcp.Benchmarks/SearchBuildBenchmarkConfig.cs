using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Index builds take a second or more at 100,000 documents: each operation is measured once (monitoring), in process
/// so the corpus is generated once per size, with allocations.
/// </summary>
internal sealed class SearchBuildBenchmarkConfig : ManualConfig
{
    public SearchBuildBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(10));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
