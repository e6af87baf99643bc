namespace Sigma.Mcp.Tool.Configuration;

/// <summary>
/// A setting is missing or malformed. The message is one line that names the setting and says how to set it;
/// the CLI prints it and exits with code 2. It never contains a setting's secret value.
/// </summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException(string setting, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Setting = setting;
    }

    /// <summary>The setting at fault, e.g. <c>SIGMA_CLIENT_ID</c>.</summary>
    public string Setting { get; }
}
