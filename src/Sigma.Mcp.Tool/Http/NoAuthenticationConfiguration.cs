using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// The JWT bearer handler reads defaults from an <c>Authentication</c> configuration section; this host has no such
/// configuration (every setting comes through <c>SettingsLoader</c>), so the section is empty.
/// </summary>
internal sealed class NoAuthenticationConfiguration : IAuthenticationConfigurationProvider
{
    public IConfiguration AuthenticationConfiguration { get; } = new ConfigurationBuilder().Build();
}
