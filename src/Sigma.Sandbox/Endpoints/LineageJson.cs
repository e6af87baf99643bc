using System.Text.Json.Nodes;
using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Endpoints;

/// <summary>
/// <c>{dependencies: {nodeId → {nodeId, type, name, elementId?}}, edges: [{source, target, type}]}</c>, as live tenants
/// answer it: the element's own node is in <c>dependencies</c> (a <c>sheet</c> whose node id is not its element id), so
/// are the upstream elements and warehouse tables; a data-model upstream <c>&lt;dataModelUrlId&gt;/&lt;suffix&gt;</c>
/// appears only as an edge source, never as a key of <c>dependencies</c>.
/// </summary>
internal static class LineageJson
{
    public static JsonObject Build(WorkbookLayout layout, SandboxElement element)
    {
        var dependencies = new JsonObject { [NodeId(element)] = Sheet(element) };
        var edges = new JsonArray();
        SandboxElement current = element;
        while (current.SourceElementId is not null && layout.FindElement(current.SourceElementId) is { } upstream)
        {
            dependencies[NodeId(upstream)] = Sheet(upstream);
            AddEdge(edges, NodeId(upstream), NodeId(current));
            current = upstream;
        }

        if (current.Source is { Type: "table" } table)
        {
            dependencies[table.Id] = new JsonObject { ["nodeId"] = table.Id, ["type"] = "table", ["name"] = table.Name };
            AddEdge(edges, table.Id, NodeId(current));
        }
        else if (current.Source is { } model)
        {
            // The suffix is opaque on live tenants; here it is the data model element's id.
            AddEdge(edges, $"{model.UrlId ?? model.Id}/{model.ElementId}", NodeId(current));
        }

        return new JsonObject { ["dependencies"] = dependencies, ["edges"] = edges };
    }

    /// <summary>The lineage node of an element: its own id, distinct from the element id as on live tenants.</summary>
    public static string NodeId(SandboxElement element) => "nd" + element.ElementId;

    private static JsonObject Sheet(SandboxElement element) => new()
    {
        ["nodeId"] = NodeId(element),
        ["type"] = "sheet",
        ["name"] = element.Name,
        ["elementId"] = element.ElementId,
    };

    // Added as a JsonNode: JsonArray.Add<JsonObject> would go through JsonValue.Create<T>, which needs runtime code generation.
    private static void AddEdge(JsonArray edges, string source, string target) =>
        edges.Add((JsonNode)new JsonObject { ["source"] = source, ["target"] = target, ["type"] = "source" });
}
