using Sigma.Sandbox.Http;

namespace Sigma.Sandbox.Endpoints;

/// <summary>Every route the sandbox answers; anything else is 404 <c>not_found</c>.</summary>
internal static class EndpointMap
{
    public static Router Build(SandboxState state)
    {
        var router = new Router();
        AuthEndpoints.Map(router, state);
        IdentityEndpoints.Map(router, state);
        FileEndpoints.Map(router, state);
        WorkbookEndpoints.Map(router, state);
        WorkbookElementEndpoints.Map(router, state);
        ExportEndpoints.Map(router, state);
        DataModelEndpoints.Map(router, state);
        DatasetEndpoints.Map(router, state);
        ReportEndpoints.Map(router, state);
        MemberEndpoints.Map(router, state);
        TeamEndpoints.Map(router, state);
        ConnectionEndpoints.Map(router, state);
        OrganizationEndpoints.Map(router, state);
        return router;
    }
}
