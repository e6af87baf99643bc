namespace Sigma.Sandbox.Model;

/// <summary>An organization-wide version tag (<c>/v2/tags</c>), e.g. <c>Production</c>.</summary>
public sealed record SandboxVersionTag(string VersionTagId, string Name, string Description, DateTimeOffset CreatedAt);
