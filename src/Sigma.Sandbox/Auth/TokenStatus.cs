namespace Sigma.Sandbox.Auth;

/// <summary>What a bearer token is worth.</summary>
internal enum TokenStatus
{
    Unknown,
    Expired,
    Valid,
}
