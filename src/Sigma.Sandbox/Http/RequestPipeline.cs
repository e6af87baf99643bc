using System.Net;
using Sigma.Sandbox.Auth;
using Sigma.Sandbox.Endpoints;
using Sigma.Sandbox.Faults;

namespace Sigma.Sandbox.Http;

/// <summary>
/// Answers one request: latency, injected faults, routing, bearer check, then the handler; failures become Sigma error
/// bodies. Nothing a request does can escape this method, so one bad request never stops the listener.
/// </summary>
internal sealed class RequestPipeline(Router router, SandboxState state, SandboxRequestLog log)
{
    public async Task HandleAsync(HttpListenerContext http, CancellationToken stopping)
    {
        RequestContext? context = null;
        log.Started();
        try
        {
            context = new RequestContext(http, Guid.NewGuid().ToString("N"), Record, stopping) { Finished = log.Finished };
            await AnswerAsync(context);
        }
        catch (ApiException error) when (context is { HasStarted: false })
        {
            await TryWriteErrorAsync(context, error.Status, error.Code, error.Message);
        }
        catch (Exception error) when (context is { HasStarted: false } && !IsConnectionFailure(error))
        {
            await TryWriteErrorAsync(context, 500, "internal_error", "The sandbox failed to answer this request.");
        }
        catch (Exception)
        {
            // The client went away, the sandbox is stopping, or a body was half sent: end the connection.
            if (context is null)
            {
                ConnectionDropper.Drop(http);
            }
            else
            {
                context.Abort();
            }
        }
        finally
        {
            context?.Commit();
            if (context is null)
            {
                log.Finished();
            }
            else
            {
                context.MarkFinished();
            }
        }
    }

    private void Record(RequestContext context) => log.Record(new SandboxRequest(
        context.Method, context.Path, context.Query.ToRedactedString(), context.Dropped ? 0 : context.Status, state.Options.TimeProvider.GetUtcNow()));

    private async Task AnswerAsync(RequestContext context)
    {
        TimeSpan latency = state.Faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.Aborted);
        }

        if (state.Faults.Next(context.Path) is { } fault)
        {
            switch (fault.Kind)
            {
                case FaultKind.Drop:
                    context.Abort();
                    return;
                case FaultKind.Delay:
                    await Task.Delay(fault.DelayBy, context.Aborted);
                    break;
                case FaultKind.WebPage:
                    await context.WriteTextAsync(fault.StatusCode, "text/html; charset=utf-8", fault.Message);
                    return;
                default:
                    await context.WriteErrorAsync(fault.StatusCode, fault.Code, fault.Message, fault.RetryAfterSeconds);
                    return;
            }
        }

        Route route = router.Match(context.Method, context.Path, out Dictionary<string, string> values)
            ?? throw ApiException.NotFound($"No such endpoint: {context.Method} {context.Path}");
        context.RouteValues = values;
        if (route.RequiresToken)
        {
            Authenticate(context);
        }

        await route.Handler(context);
    }

    private void Authenticate(RequestContext context)
    {
        string? header = context.Request.Headers["Authorization"];
        const string Scheme = "Bearer ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.Unauthorized("Token missing or malformed");
        }

        switch (state.Tokens.Check(header[Scheme.Length..].Trim()))
        {
            case TokenStatus.Valid:
                return;
            case TokenStatus.Expired:
                throw ApiException.Unauthorized("Token expired");
            default:
                throw ApiException.Unauthorized("Token missing or malformed");
        }
    }

    /// <summary>Anything else is the sandbox's own bug, which it reports as a 500 rather than hiding.</summary>
    private static bool IsConnectionFailure(Exception error) =>
        error is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException;

    private static async Task TryWriteErrorAsync(RequestContext context, int status, string code, string message)
    {
        try
        {
            await context.WriteErrorAsync(status, code, message);
        }
        catch (Exception)
        {
            context.Abort();
        }
    }
}
