using System.Collections.Concurrent;

namespace Sigma.Sandbox.Exports;

/// <summary>Export jobs by query id. Thread-safe.</summary>
internal sealed class ExportJobStore
{
    private readonly ConcurrentDictionary<string, ExportJob> _jobs = new(StringComparer.Ordinal);

    public void Add(ExportJob job) => _jobs[job.QueryId] = job;

    public ExportJob? Find(string queryId) => _jobs.TryGetValue(queryId, out ExportJob? job) ? job : null;
}
