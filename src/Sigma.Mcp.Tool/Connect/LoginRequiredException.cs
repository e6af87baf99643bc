namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// The server wants an OAuth login that only the user can give (in a browser), and this <c>connect</c> runs under an
/// MCP client with no terminal: the request is answered with "run <c>sigma-mcp connect URL --login</c>" instead.
/// </summary>
internal sealed class LoginRequiredException(bool hadLogin) : Exception(hadLogin ? "The saved login has expired." : "Not logged in.")
{
    /// <summary>True when a login was saved but can no longer be refreshed (expired or revoked), false when there was none.</summary>
    public bool HadLogin { get; } = hadLogin;
}
