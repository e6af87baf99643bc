namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>The values of <see cref="RefreshResult.State"/>, part of <c>refresh_cache</c>'s output.</summary>
internal static class RefreshStates
{
    /// <summary>The refresh is done and the counts are its own.</summary>
    public const string Completed = "completed";

    /// <summary>The refresh goes on in the background; call again later.</summary>
    public const string Running = "running";
}
