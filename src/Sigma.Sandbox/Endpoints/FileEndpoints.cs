using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;
using Sigma.Sandbox.Store;

namespace Sigma.Sandbox.Endpoints;

/// <summary>
/// <c>GET /v2/files</c>, the unified listing. Without <c>typeFilters</c> it lists workbooks, folders, data models,
/// datasets and reports (never workspaces, as Sigma); <c>parentId</c> lists everything below a folder, or only its
/// direct children with <c>directChildFilter=true</c>.
/// </summary>
internal static class FileEndpoints
{
    private static readonly string[] s_defaultTypes = ["workbook", "folder", "data-model", "dataset", "report"];
    private static readonly HashSet<string> s_knownTypes =
    [
        "workspace", "folder", "workbook", "dataset", "data-model", "sql", "worksheet", "dashboard", "template", "table", "symlink", "report",
    ];

    private static readonly string[] s_permissionRank = ["view", "explore", "edit"];

    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/files", context => ListAsync(context, state));
        router.Get("/v2/files/{inodeId}", context =>
        {
            DocumentSnapshot snapshot = state.Data.Snapshot;
            SandboxDocument document = snapshot.Find<SandboxDocument>(context.Route("inodeId"))
                ?? throw ApiException.NotFound("File not found");
            return context.WriteJsonAsync(ToJson(document, snapshot));
        });
    }

    public static JsonObject ToJson(SandboxDocument document, DocumentSnapshot snapshot) => new()
    {
        ["id"] = document.Id,
        ["urlId"] = document.UrlId,
        ["name"] = document.Name,
        ["type"] = document.FileType,
        ["parentId"] = document.ParentId,
        ["parentUrlId"] = document.ParentId is null ? null : snapshot.Find<SandboxDocument>(document.ParentId)?.UrlId,
        ["permission"] = document.Permission,
        ["path"] = document.Path,
        ["badge"] = document.Badge,
        ["isArchived"] = document.IsArchived,
        ["ownerId"] = document.OwnerId,
        ["createdBy"] = document.CreatedBy,
        ["updatedBy"] = document.UpdatedBy,
        ["createdAt"] = Wire.Timestamp(document.CreatedAt),
        ["updatedAt"] = Wire.Timestamp(document.UpdatedAt),
        ["description"] = document.Description,
    };

    private static Task ListAsync(RequestContext context, SandboxState state)
    {
        PageRequest request = PageRequest.FromPageAndLimit(context.Query, state.Options);
        DocumentSnapshot snapshot = state.Data.Snapshot;
        HashSet<string> types = TypeFilters(context.Query);
        string? name = context.Query.Get("name");
        string? parentId = context.Query.Get("parentId");
        bool directOnly = context.Query.GetBool("directChildFilter") ?? false;
        int minimumRank = PermissionRank(context.Query.Get("permissionFilter"));
        if (!string.IsNullOrEmpty(parentId) && snapshot.Find<SandboxFolder>(parentId) is null)
        {
            throw ApiException.NotFound("Parent folder not found");
        }

        bool Matches(SandboxDocument d) =>
            types.Contains(d.FileType)
            && (string.IsNullOrEmpty(name) || d.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            && Array.IndexOf(s_permissionRank, d.Permission) >= minimumRank
            && (string.IsNullOrEmpty(parentId) || (directOnly ? string.Equals(d.ParentId, parentId, StringComparison.OrdinalIgnoreCase) : snapshot.IsUnder(d, parentId)));

        Page<SandboxDocument> page = Pager.ByKey(snapshot.All, request, d => d.Sequence, Matches);
        return context.WriteJsonAsync(PagedJson.PageLimit(page, d => ToJson(d, snapshot)));
    }

    /// <summary>Accepts a single value, a repeated key, or a comma-separated list.</summary>
    private static HashSet<string> TypeFilters(QueryParameters query)
    {
        var types = query.GetAll("typeFilters").Concat(query.GetAll("typeFilters[]"))
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (types.Count == 0)
        {
            return [.. s_defaultTypes];
        }

        string? unknown = types.FirstOrDefault(t => !s_knownTypes.Contains(t));
        return unknown is null ? types : throw ApiException.BadRequest($"Unknown typeFilters value '{unknown}'.");
    }

    private static int PermissionRank(string? filter) => filter switch
    {
        null or "" => 0,
        "organize" => 2,
        _ when Array.IndexOf(s_permissionRank, filter) is var rank and >= 0 => rank,
        _ => throw ApiException.BadRequest($"Unknown permissionFilter '{filter}'."),
    };
}
