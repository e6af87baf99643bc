namespace Sigma.Sandbox.Http;

/// <summary>A method and a path template such as <c>/v2/workbooks/{workbookId}/pages</c>.</summary>
internal sealed class Route(string method, string template, Func<RequestContext, Task> handler, bool requiresToken)
{
    private readonly string[] _segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public Func<RequestContext, Task> Handler => handler;

    public bool RequiresToken => requiresToken;

    /// <summary>Matches already-unescaped path segments; placeholders capture one segment each.</summary>
    public bool TryMatch(string requestMethod, string[] path, out Dictionary<string, string> values)
    {
        values = [];
        if (!string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase) || path.Length != _segments.Length)
        {
            return false;
        }

        for (int i = 0; i < path.Length; i++)
        {
            string segment = _segments[i];
            if (segment.StartsWith('{'))
            {
                values[segment[1..^1]] = path[i];
            }
            else if (!string.Equals(segment, path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
