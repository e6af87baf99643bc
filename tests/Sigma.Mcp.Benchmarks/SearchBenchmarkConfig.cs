using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// In-process (the 100,000-document corpus is generated once per size, not once per benchmark case), with median,
/// P95 and P99 beside the mean, and allocations.
/// </summary>
internal sealed class SearchBenchmarkConfig : ManualConfig
{
    public SearchBenchmarkConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(30));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
