namespace Sigma.Sandbox.Http;

/// <summary>The route table. Endpoints register here; the pipeline asks it which handler answers a request.</summary>
internal sealed class Router
{
    private readonly List<Route> _routes = [];

    public void Get(string template, Func<RequestContext, Task> handler) => _routes.Add(new Route("GET", template, handler, true));

    public void Post(string template, Func<RequestContext, Task> handler) => _routes.Add(new Route("POST", template, handler, true));

    /// <summary>A route that needs no bearer token (only the token endpoint itself).</summary>
    public void PostAnonymous(string template, Func<RequestContext, Task> handler) =>
        _routes.Add(new Route("POST", template, handler, false));

    public Route? Match(string method, string path, out Dictionary<string, string> values)
    {
        string[] segments = [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
        foreach (Route route in _routes)
        {
            if (route.TryMatch(method, segments, out values))
            {
                return route;
            }
        }

        values = [];
        return null;
    }
}
