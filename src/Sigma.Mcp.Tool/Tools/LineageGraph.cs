using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.SigmaApi.Models;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Reads Sigma's element lineage as live tenants send it (see docs/sigma-recorded-shapes.md): nodes come from
/// <c>dependencies</c> and from edge endpoints, because a data-model upstream (<c>&lt;dataModelUrlId&gt;/&lt;suffix&gt;</c>)
/// appears only as an edge source; <c>dependencies</c> also holds the requested element's own node, which is the root,
/// not an upstream. Only what the root depends on (walking edges backwards from it) is kept.
/// </summary>
internal static class LineageGraph
{
    /// <summary>The upstream graph of <paramref name="elementId"/>; <paramref name="findDocument"/> looks a data model up by urlId in the cache.</summary>
    public static ElementLineageResult Build(string workbookId, string elementId, ElementLineage lineage, Func<string, CachedDocument?> findDocument)
    {
        var nodes = new Dictionary<string, LineageNode>(StringComparer.Ordinal);
        foreach (var (key, node) in lineage.Dependencies ?? new Dictionary<string, LineageNode>())
        {
            nodes[node.NodeId ?? key] = node with { NodeId = node.NodeId ?? key };
        }

        var edges = (lineage.Edges ?? []).Where(e => e.Source is not null && e.Target is not null).ToList();
        foreach (var id in edges.SelectMany(e => new[] { e.Source, e.Target }).Where(id => !nodes.ContainsKey(id)))
        {
            nodes[id] = new LineageNode(id, id.Contains('/', StringComparison.Ordinal) ? "data-model" : "unknown");
        }

        var root = FindRoot(elementId, nodes.Values, edges);
        var kept = root is null ? nodes.Keys.ToHashSet(StringComparer.Ordinal) : Upstream(root.NodeId, edges);
        var items = nodes.Values
            .Where(n => kept.Contains(n.NodeId) && n.NodeId != root?.NodeId)
            .Select(n => Describe(n, findDocument))
            .ToList();
        var keptEdges = edges
            .Where(e => kept.Contains(e.Source) && kept.Contains(e.Target))
            .Select(e => new LineageEdgeItem(e.Source, e.Target, e.Type))
            .ToList();
        return new ElementLineageResult(workbookId, elementId, items, keptEdges, RootNodeId: root?.NodeId);
    }

    /// <summary>The requested element's own node: the one naming it by elementId (or by nodeId), else the only sink.</summary>
    private static LineageNode? FindRoot(string elementId, IEnumerable<LineageNode> nodes, List<LineageEdge> edges)
    {
        var all = nodes.ToList();
        if ((all.FirstOrDefault(n => n.ElementId == elementId) ?? all.FirstOrDefault(n => n.NodeId == elementId)) is { } named)
        {
            return named;
        }

        var sources = edges.Select(e => e.Source).ToHashSet(StringComparer.Ordinal);
        var sinks = edges.Select(e => e.Target).Where(t => !sources.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        return sinks.Count == 1 ? all.First(n => n.NodeId == sinks[0]) : null;
    }

    private static HashSet<string> Upstream(string root, List<LineageEdge> edges)
    {
        var bySource = edges.ToLookup(e => e.Target, e => e.Source, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        var queue = new Queue<string>([root]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var source in bySource[current].Where(seen.Add))
            {
                queue.Enqueue(source);
            }
        }

        return seen;
    }

    private static LineageNodeItem Describe(LineageNode node, Func<string, CachedDocument?> findDocument)
    {
        var slash = node.NodeId.IndexOf('/', StringComparison.Ordinal);
        if (node.Type != "data-model" || slash <= 0)
        {
            return new LineageNodeItem(node.NodeId, node.Type, node.Name, node.ElementId, null, null);
        }

        var urlId = node.NodeId[..slash];
        var model = findDocument(urlId) is { Type: DocumentTypes.DataModel } found ? found : null;
        return new LineageNodeItem(node.NodeId, node.Type, node.Name ?? model?.Name, node.ElementId, model?.Id, model?.Name);
    }
}
