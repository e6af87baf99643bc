using System.Text.Json.Nodes;
using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;

namespace Sigma.Sandbox.Endpoints;

/// <summary>A workbook's insides: pages, elements, columns, element SQL and lineage.</summary>
internal static class WorkbookElementEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/workbooks/{workbookId}/pages", context =>
        {
            (_, WorkbookLayout layout) = WorkbookLookup.Layout(context, state);
            return WritePageAsync(context, state, layout.Pages, p => new JsonObject
            {
                ["pageId"] = p.PageId,
                ["name"] = p.Name,
                ["hidden"] = p.Hidden,
            });
        });
        router.Get("/v2/workbooks/{workbookId}/pages/{pageId}/elements", context =>
            WritePageAsync(context, state, WorkbookLookup.Page(context, state).Elements, ElementJson));
        router.Get("/v2/workbooks/{workbookId}/elements", context =>
        {
            (_, WorkbookLayout layout) = WorkbookLookup.Layout(context, state);
            return WritePageAsync(context, state, [.. layout.Elements], ElementJson);
        });
        router.Get("/v2/workbooks/{workbookId}/elements/{elementId}/columns", context =>
            WritePageAsync(context, state, WorkbookLookup.Element(context, state).Element.Columns, c => new JsonObject
            {
                ["columnId"] = c.ColumnId,
                ["label"] = c.Label,
                ["formula"] = c.Formula,
                ["type"] = Wire.ColumnType(c.Type),
            }));
        router.Get("/v2/workbooks/{workbookId}/columns", context =>
        {
            (_, WorkbookLayout layout) = WorkbookLookup.Layout(context, state);
            var columns = layout.Elements.SelectMany(e => e.Columns.Select(c => (Element: e, Column: c))).ToList();
            return WritePageAsync(context, state, columns, x => new JsonObject
            {
                ["columnId"] = x.Column.ColumnId,
                ["name"] = x.Column.Label,
                ["formula"] = x.Column.Formula,
                ["type"] = Wire.ColumnType(x.Column.Type),
                ["elementId"] = x.Element.ElementId,
            });
        });
        router.Get("/v2/workbooks/{workbookId}/elements/{elementId}/query", context =>
        {
            SandboxElement element = WorkbookLookup.Element(context, state).Element;
            return element.HasData
                ? context.WriteJsonAsync(QueryJson(element))
                : throw ApiException.NotFound($"Element {element.ElementId} has no query");
        });
        router.Get("/v2/workbooks/{workbookId}/queries", context =>
        {
            (_, WorkbookLayout layout) = WorkbookLookup.Layout(context, state);
            return WritePageAsync(context, state, [.. layout.Elements.Where(e => e.HasData)], QueryJson);
        });
        router.Get("/v2/workbooks/{workbookId}/lineage/elements/{elementId}", context =>
        {
            (WorkbookLayout layout, SandboxElement element) = WorkbookLookup.Element(context, state);
            return element.HasData
                ? context.WriteJsonAsync(LineageJson.Build(layout, element))
                : throw ApiException.BadRequest($"Lineage is not supported for {element.Type} elements");
        });
    }

    public static JsonNode ElementJson(SandboxElement element)
    {
        var json = new JsonObject
        {
            ["elementId"] = element.ElementId,
            ["name"] = element.Name,
            ["type"] = element.Type,
            ["columns"] = Wire.Strings(element.Columns.Select(c => c.Label)),
        };
        if (element.VisualizationType is not null)
        {
            // Sic: the API spells it this way.
            json["vizualizationType"] = element.VisualizationType;
        }

        return json;
    }

    private static JsonNode QueryJson(SandboxElement element) => new JsonObject
    {
        ["elementId"] = element.ElementId,
        ["name"] = element.Name,
        ["sql"] = element.Sql,
    };

    private static Task WritePageAsync<T>(RequestContext context, SandboxState state, IReadOnlyList<T> items, Func<T, JsonNode> map)
    {
        Page<T> page = Pager.ByPosition(items, PageRequest.FromPageAndLimit(context.Query, state.Options));
        return context.WriteJsonAsync(PagedJson.PageLimit(page, map));
    }
}
