namespace Sigma.Sandbox.Model;

/// <summary>A version tag on a data model: <c>{versionTagId, tagName, sourceVersion, taggedAt}</c>.</summary>
public sealed record SandboxDataModelTag(string VersionTagId, string TagName, int SourceVersion, DateTimeOffset TaggedAt);
