using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// A minimal OpenID Connect issuer on loopback: discovery metadata and a JWKS whose keys the test rotates, and RSA
/// keys to mint access tokens with, valid or deliberately broken. Counts JWKS reads.
/// </summary>
internal sealed class TestIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, RsaSecurityKey> _keys = [];
    private volatile string[] _published = [];
    private int _jwksReads;

    private TestIssuer(WebApplication app) => _app = app;

    /// <summary>The issuer URL (<c>iss</c>), e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Issuer { get; private set; } = "";

    public int JwksReads => Volatile.Read(ref _jwksReads);

    public static async Task<TestIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new TestIssuer(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(
            new JsonObject { ["issuer"] = issuer.Issuer, ["jwks_uri"] = issuer.Issuer + "/jwks" }.ToJsonString(), "application/json"));
        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref issuer._jwksReads);
            var keys = new JsonArray();
            foreach (var kid in issuer._published)
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(issuer._keys[kid]);
                keys.Add(new JsonObject { ["kty"] = "RSA", ["kid"] = kid, ["use"] = "sig", ["alg"] = "RS256", ["n"] = jwk.N, ["e"] = jwk.E });
            }

            return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        issuer.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        issuer.AddKey("key-1", publish: true);
        return issuer;
    }

    /// <summary>Creates a signing key; <paramref name="publish"/> puts it in the JWKS at once.</summary>
    public void AddKey(string kid, bool publish)
    {
        _keys[kid] = new RsaSecurityKey(RSA.Create(2048)) { KeyId = kid };
        if (publish)
        {
            Publish(kid);
        }
    }

    /// <summary>Adds a key to the JWKS (a rotation).</summary>
    public void Publish(string kid) => _published = [.. _published, kid];

    /// <summary>A signed access token; every part can be overridden to make it wrong.</summary>
    public string Mint(
        string audience,
        string? email = "ada.lovelace@example.com",
        string subject = "user-1",
        string? scope = "sigma-mcp",
        string kid = "key-1",
        string? issuer = null,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string type = "at+jwt",
        string scopeClaim = "scope")
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
        }

        if (scope is not null)
        {
            claims.Add(new Claim(scopeClaim, scope));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = (notBefore ?? now).AddSeconds(-1),
            NotBefore = notBefore ?? now.AddSeconds(-1),
            Expires = expires ?? now.AddMinutes(10),
            TokenType = type,
            SigningCredentials = new SigningCredentials(_keys[kid], SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Rsa.Dispose();
        }
    }
}
