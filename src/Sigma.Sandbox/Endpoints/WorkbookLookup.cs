using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Endpoints;

/// <summary>Resolves the <c>{workbookId}</c>, <c>{pageId}</c> and <c>{elementId}</c> of a path, answering 400/404 as Sigma.</summary>
internal static class WorkbookLookup
{
    public static SandboxWorkbook Workbook(RequestContext context, SandboxState state)
    {
        string id = context.Route("workbookId");
        Wire.RequireUuid(id, "workbookId");
        return state.Data.FindWorkbook(id) ?? throw ApiException.NotFound($"Workbook {id} not found");
    }

    public static (SandboxWorkbook Workbook, WorkbookLayout Layout) Layout(RequestContext context, SandboxState state)
    {
        SandboxWorkbook workbook = Workbook(context, state);
        return (workbook, state.Data.LayoutOf(workbook));
    }

    public static (WorkbookLayout Layout, SandboxElement Element) Element(RequestContext context, SandboxState state)
    {
        (_, WorkbookLayout layout) = Layout(context, state);
        string elementId = context.Route("elementId");
        return (layout, layout.FindElement(elementId) ?? throw ApiException.NotFound($"Element {elementId} not found"));
    }

    public static SandboxPage Page(RequestContext context, SandboxState state)
    {
        (_, WorkbookLayout layout) = Layout(context, state);
        string pageId = context.Route("pageId");
        return layout.Pages.FirstOrDefault(p => p.PageId == pageId) ?? throw ApiException.NotFound($"Page {pageId} not found");
    }
}
