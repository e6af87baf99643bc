using System.Text;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// Which organization a connection (a base URL and a client id) reads, remembered in the cache so that search works
/// while Sigma cannot be reached. The key is a hash (SHA-256, see <see cref="NameHash"/>): the table never holds the
/// client id itself.
/// </summary>
internal static class CacheConnection
{
    public static string Key(SigmaClientOptions sigma)
    {
        var text = sigma.BaseUrl.ToString().TrimEnd('/') + "|" + (sigma.CredentialsSecretId is { } secret ? "secret:" + secret : sigma.ClientId);
        return Convert.ToHexStringLower(NameHash.Sha256(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
