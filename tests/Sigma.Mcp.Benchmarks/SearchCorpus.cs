using System.Collections.Concurrent;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Tests.Search;
using Sigma.Sandbox;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Cached documents for the search benchmarks: a sandbox organization of about <c>n</c> documents (workbooks with
/// their pages, elements and columns, plus the default data models, datasets and reports), generated once per size.
/// </summary>
internal static class SearchCorpus
{
    private static readonly ConcurrentDictionary<int, Lazy<List<CachedDocument>>> s_corpora = new();

    public static List<CachedDocument> Get(int documents) =>
        s_corpora.GetOrAdd(documents, n => new Lazy<List<CachedDocument>>(() => Generate(n))).Value;

    private static List<CachedDocument> Generate(int documents)
    {
        var options = new SandboxOptions { Workbooks = Math.Max(0, documents - 22) };
        var sandbox = SigmaSandbox.StartAsync(options).GetAwaiter().GetResult();
        try
        {
            return SandboxDocuments.From(sandbox.Data);
        }
        finally
        {
            sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
