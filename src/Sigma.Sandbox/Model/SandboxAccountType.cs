namespace Sigma.Sandbox.Model;

/// <summary>An account type, served by the pageToken-style <c>/v2/accountTypes</c>.</summary>
public sealed record SandboxAccountType(string AccountTypeId, string AccountTypeName, string Description, bool IsCustom);
