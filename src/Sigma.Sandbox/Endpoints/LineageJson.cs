using System.Text.Json.Nodes;
using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Endpoints;

/// <summary>
/// <c>{dependencies: {nodeId → {nodeId, type, name, elementId?}}, edges: [{source, target, type}]}</c>: the chain
/// from the element back through upstream elements to its data model or warehouse table.
/// </summary>
internal static class LineageJson
{
    public static JsonObject Build(WorkbookLayout layout, SandboxElement element)
    {
        var dependencies = new JsonObject();
        var edges = new JsonArray();
        SandboxElement current = element;
        while (current.SourceElementId is not null && layout.FindElement(current.SourceElementId) is { } upstream)
        {
            dependencies[upstream.ElementId] = new JsonObject
            {
                ["nodeId"] = upstream.ElementId,
                ["type"] = "element",
                ["name"] = upstream.Name,
                ["elementId"] = upstream.ElementId,
            };
            edges.Add(Edge(upstream.ElementId, current.ElementId));
            current = upstream;
        }

        if (current.Source is { } source)
        {
            var node = new JsonObject { ["nodeId"] = source.Id, ["type"] = source.Type == "table" ? "table" : "data-model", ["name"] = source.Name };
            if (source.ElementId is not null)
            {
                node["elementId"] = source.ElementId;
            }

            dependencies[source.Id] = node;
            edges.Add(Edge(source.Id, current.ElementId));
        }

        return new JsonObject { ["dependencies"] = dependencies, ["edges"] = edges };
    }

    private static JsonObject Edge(string source, string target) =>
        new() { ["source"] = source, ["target"] = target, ["type"] = "source" };
}
