using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;

namespace Sigma.Sandbox.Endpoints;

/// <summary><c>/v2/reports</c>: the list and one report.</summary>
internal static class ReportEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/reports", context =>
        {
            PageRequest request = PageRequest.FromPageAndLimit(context.Query, state.Options);
            Page<SandboxReport> page = Pager.ByKey(state.Data.Snapshot.Reports, request, r => r.Sequence);
            return context.WriteJsonAsync(PagedJson.PageLimit(page, r => ToJson(r, state.Data)));
        });
        router.Get("/v2/reports/{reportId}", context =>
        {
            string id = context.Route("reportId");
            SandboxReport report = state.Data.Snapshot.Find<SandboxReport>(id) ?? throw ApiException.NotFound($"Report {id} not found");
            return context.WriteJsonAsync(ToJson(report, state.Data));
        });
    }

    private static JsonObject ToJson(SandboxReport report, SandboxData data) => new()
    {
        ["reportId"] = report.Id,
        ["reportUrlId"] = report.UrlId,
        ["name"] = report.Name,
        ["description"] = report.Description,
        ["url"] = Wire.AppUrl(data, "report", report.UrlId),
        ["path"] = report.Path,
        ["latestVersion"] = report.LatestVersion,
        ["ownerId"] = report.OwnerId,
        ["createdBy"] = report.CreatedBy,
        ["updatedBy"] = report.UpdatedBy,
        ["createdAt"] = Wire.Timestamp(report.CreatedAt),
        ["updatedAt"] = Wire.Timestamp(report.UpdatedAt),
        ["isArchived"] = report.IsArchived,
    };
}
