using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Server;

/// <summary>
/// Runs beside the index load (after <c>initialize</c> over stdio), while the client is still reading the handshake:
/// builds the <c>tools/list</c> answer, readies the tools and runs a search of a sample document, then, once the index
/// is loaded, runs searches as a client would (over stdio through the server's own transport, see
/// <see cref="TransportWarmUp"/>; over HTTP the tool alone) and the rarer search paths on a larger sample, so that the
/// code behind them is compiled by the time the client's first calls arrive.
/// </summary>
internal static class FirstCallWarmUp
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(10);

    /// <summary>What the warm-up searches before the index is loaded: a workbook with a chart on a page, which
    /// <see cref="SampleQuery"/> finds through the chart (the longest result path: element, page, columns).</summary>
    internal static SearchSnapshot Sample { get; } = new(SearchIndex.Build([SampleWorkbook]), null, null, CacheStates.Ready, null);

    internal const string SampleQuery = "revenue by region";

    /// <summary>
    /// Searches of <see cref="RareSample"/> that take paths a client's searches take but the real index's own names may
    /// not: many hits ranked and paged (next_offset), misspellings, a prefix of several words, and many words (many posting
    /// lists sorted). Their code is generic framework code over the index's types, which no precompiled image holds:
    /// measured, ~20 methods were JIT-compiled during a client's first searches without them.
    /// </summary>
    internal static IReadOnlyList<(string Query, int Limit)> RareCalls { get; } =
    [
        ("revenue", 1),
        ("revnue regoin", 10),
        ("rev", 10),
        ("regional revenue review revision retention returns dashboard report finance sales by region", 10),
    ];

    /// <summary>The sample workbook and two dozen more whose names share words, for <see cref="RareCalls"/>; built after the load.</summary>
    internal static SearchSnapshot RareSample() => new(SearchIndex.Build([SampleWorkbook, .. SimilarWorkbooks()]), null, null, CacheStates.Ready, null);

    private static CachedDocument SampleWorkbook => new()
    {
        Id = "warm-up", Type = DocumentTypes.Workbook, Name = "Revenue Dashboard", Path = "Finance", OwnerName = "Warm Up", Tags = ["sales"],
        Pages = [new CachedPage("page", "Overview")],
        Elements = [new CachedElement("element", "Revenue by Region", "bar-chart", "page", ["Region", "Revenue"])],
    };

    private static IEnumerable<CachedDocument> SimilarWorkbooks()
    {
        string[] subjects = ["Revenue", "Review", "Revision", "Regional", "Retention", "Returns"];
        for (var i = 0; i < 24; i++)
        {
            var subject = subjects[i % subjects.Length];
            yield return new CachedDocument
            {
                Id = $"warm-up-{i}", Type = DocumentTypes.Workbook, Name = $"{subject} {(i % 2 == 0 ? "Dashboard" : "Report")} {i}", Path = "Finance/Sales",
                OwnerName = "Warm Up", UpdatedAt = DateTimeOffset.UnixEpoch.AddDays(i),
                Elements = [new CachedElement($"element-{i}", $"{subject} by Region", "table", null, ["Region", subject])],
            };
        }
    }

    public static async Task RunAsync(IServiceProvider services, SearchIndexProvider index, CancellationToken cancellationToken)
    {
        try
        {
            if (services.GetService<IOptions<McpServerOptions>>()?.Value is { } options)
            {
                services.GetService<ToolList>()?.Get(options);
            }

            // Search first (what clients call first), on a sample document while the real index loads. Over stdio the
            // whole answer, written as the SDK will write it: a client's search sent right after tools/list waits for the
            // load, and then found its result code still to compile. Over HTTP the search alone: the first request there
            // is initialize, which the answer's extra CPU only slowed, and the search after the load below covers the rest.
            var catalog = services.GetService<ToolCatalog>();
            catalog?.Tools.FirstOrDefault(t => t.Name == ToolNames.SearchDocuments)?.Prepare();
            var search = ActivatorUtilities.CreateInstance<SearchDocumentsTool>(services);
            var transport = services.GetService<TransportWarmUp>();
            if (transport is not null)
            {
                Answer(search, Sample, SampleQuery, limit: 10);
            }
            else
            {
                _ = Sample.Index!.Search(new SearchQuery(SampleQuery));
            }

            catalog?.PrepareAll();
            var snapshot = await index.GetAsync(cancellationToken);

            // Then searches as a client's calls run them, for a document that is there, so that the code of a result with
            // hits is ready too: over stdio through the transport itself, the SDK's request path included; elsewhere (over
            // HTTP there is no single server to send them to) the tool and its result as JSON.
            if (transport is not null)
            {
                foreach (var query in Queries(snapshot))
                {
                    var arguments = $$$"""{"name":"{{{ToolNames.SearchDocuments}}}","arguments":{"query":{{{JsonSerializer.Serialize(query, String)}}}}}""";
                    if (!await transport.CallAsync(RequestMethods.ToolsCall, arguments, s_callTimeout, cancellationToken))
                    {
                        break;
                    }
                }
            }
            else
            {
                Write(await search.SearchDocuments(Query(snapshot), cancellationToken: cancellationToken));
            }

            // Last, off the load's path: the rarer paths, on a sample that has them.
            var rare = RareSample();
            foreach (var (query, limit) in RareCalls)
            {
                Answer(search, rare, query, limit);
            }
        }
        catch (Exception)
        {
            // Only a head start (stopped with the server, or failed): a real call that fails the same way says why.
        }
    }

    // The search tool's answer for the snapshot, serialized with the SDK's JSON code for CallToolResult (and thrown away).
    private static void Answer(SearchDocumentsTool search, SearchSnapshot snapshot, string query, int limit) =>
        Write(search.Respond(snapshot, query, "all", limit, 0, null, null, null, null, includeArchived: false));

    private static void Write(CallToolResult result) =>
        _ = JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)));

    private static JsonTypeInfo<string> String => (JsonTypeInfo<string>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(string));

    private static string Query(SearchSnapshot snapshot) =>
        snapshot.Index?.Newest?.Name is { } name && !string.IsNullOrWhiteSpace(name) ? name : "revenue";

    // A name as it is, then two kinds of question that take other paths: words in another order, and a misspelling.
    private static IEnumerable<string> Queries(SearchSnapshot snapshot)
    {
        var name = Query(snapshot);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        yield return name;
        yield return string.Join(' ', words.Reverse());
        yield return words[0].Length > 3 ? words[0][..1] + words[0][2..] : words[0] + "s";
    }
}
