namespace Sigma.Mcp.Tool.Http;

/// <summary>A bearer token and the name that identifies its client (in rate limits; never the token).</summary>
internal sealed record NamedToken(string Name, string Token)
{
    public override string ToString() => Name;
}
