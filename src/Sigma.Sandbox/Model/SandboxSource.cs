namespace Sigma.Sandbox.Model;

/// <summary>
/// Where data comes from: <paramref name="Type"/> is <c>data-model</c> (then <paramref name="ElementId"/> names the
/// data model element and <paramref name="UrlId"/> the data model's urlId) or <c>table</c> (then <paramref name="ConnectionId"/>
/// is set and <paramref name="Id"/> is the table inode).
/// </summary>
public sealed record SandboxSource(string Type, string Id, string Name, string? ElementId = null, string? ConnectionId = null, string? UrlId = null);
