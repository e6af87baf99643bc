namespace Sigma.Mcp.Tool.Configuration;

/// <summary>
/// Where one invocation's settings come from, highest precedence first: command-line options, environment variables,
/// a <c>.env</c> file, defaults. Tests pass their own environment instead of mutating the process's.
/// </summary>
internal sealed record SettingsSources
{
    /// <summary>Values given as command-line options, keyed by setting name (null: not given).</summary>
    public IReadOnlyDictionary<string, string?> CommandLine { get; init; } = new Dictionary<string, string?>();

    /// <summary>An explicit <c>--env-file</c>; it must exist. When null, <c>.env</c> in the working directory is read if present.</summary>
    public string? EnvFile { get; init; }

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The environment variables to read instead of the process's (tests); null reads the process's.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }
}
