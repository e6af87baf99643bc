using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;

namespace Sigma.Sandbox.Endpoints;

/// <summary>
/// <c>/v2/connections</c>, plus the table column listing, which pages with <c>pageToken</c>/<c>pageSize</c> and answers
/// <c>{entries, nextPageToken}</c>: a reader that only knows <c>nextPage</c> stops after the first 50 columns.
/// </summary>
internal static class ConnectionEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/connections", context =>
        {
            Page<SandboxConnection> page = Pager.ByPosition(state.Data.Connections, PageRequest.FromPageAndLimit(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, ToJson));
        });
        router.Get("/v2/connections/{connectionId}", context =>
        {
            string id = context.Route("connectionId");
            SandboxConnection connection = state.Data.Connections.FirstOrDefault(c => c.ConnectionId == id)
                ?? throw ApiException.NotFound($"Connection {id} not found");
            return context.WriteJsonAsync(ToJson(connection));
        });
        router.Get("/v2/connections/tables/{inodeId}/columns", context =>
        {
            string id = context.Route("inodeId");
            SandboxTable table = state.Data.Tables.FirstOrDefault(t => t.InodeId == id) ?? throw ApiException.NotFound($"Table {id} not found");
            Page<SandboxTableColumn> page = Pager.ByPosition(table.Columns, PageRequest.FromPageTokenAndSize(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageToken(page, c => new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["tableInodeId"] = table.InodeId,
            }));
        });
    }

    private static JsonNode ToJson(SandboxConnection connection) => new JsonObject
    {
        ["connectionId"] = connection.ConnectionId,
        ["name"] = connection.Name,
        ["type"] = connection.Type,
        ["isArchived"] = connection.IsArchived,
        ["createdAt"] = Wire.Timestamp(connection.CreatedAt),
        ["updatedAt"] = Wire.Timestamp(connection.CreatedAt),
    };
}
