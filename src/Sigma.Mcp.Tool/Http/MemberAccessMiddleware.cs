using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Team mode, after authorization: an OAuth caller's email names their Sigma member, whose documents bound the
/// request (<see cref="DocumentAccess"/>). A caller who is no Sigma member gets 403; static-token callers pass
/// unbounded (the service account's view).
/// </summary>
internal static class MemberAccessMiddleware
{
    public static Func<HttpContext, RequestDelegate, Task> Create(HttpServerSettings settings) => async (context, next) =>
    {
        if (settings.OAuth is not { } oauth
            || context.User.Identity is not { IsAuthenticated: true, AuthenticationType: not BearerTokenHandler.SchemeName })
        {
            await next(context);
            return;
        }

        var email = context.User.FindFirst(oauth.EmailClaim)?.Value ?? "";
        MemberDocuments? documents;
        try
        {
            documents = await context.RequestServices.GetRequiredService<MemberAccessCache>().GetAsync(email, context.RequestAborted);
        }
        catch (SigmaApiException)
        {
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable,
                "sigma-mcp could not ask Sigma which documents you can open; try again in a minute.");
            return;
        }

        if (documents is null)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden,
                $"Your sign-in ({oauth.EmailClaim} {email}) is not an active member of this Sigma organization, so sigma-mcp cannot tell which documents you may see. Ask a Sigma admin to add you, or sign in with the email of your Sigma account.");
            return;
        }

        DocumentAccess.Current = documents;
        try
        {
            await next(context);
        }
        finally
        {
            DocumentAccess.Current = null;
        }
    };

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
