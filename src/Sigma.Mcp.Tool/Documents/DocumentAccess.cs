namespace Sigma.Mcp.Tool.Documents;

/// <summary>
/// The caller's document set for the request in flight (team mode), or none: static-token callers, stdio and the
/// background refresh see everything the service account sees. Set by <c>Http.MemberAccessMiddleware</c>; read by
/// the search tool, the document resolver and <c>Http.DocumentAccessHandler</c>, which every Sigma call passes.
/// Plain .NET (an async-local), so the stdio path never loads ASP.NET for it.
/// </summary>
internal static class DocumentAccess
{
    private static readonly AsyncLocal<MemberDocuments?> s_current = new();

    public static MemberDocuments? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>True when no set applies or the set holds <paramref name="idOrUrlId"/>.</summary>
    public static bool Allows(string idOrUrlId) => s_current.Value?.Allows(idOrUrlId) ?? true;
}
