namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// The refresh lease is no longer this refresh's (it expired and another refresh took it, or the cache was cleared):
/// the fenced write or publish was refused and nothing of this refresh was published.
/// </summary>
/// <remarks>The message is one line, may be shown to users and to the model, and names only the new holder.</remarks>
internal sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Who holds the lease now, when known.</summary>
    public string? LostTo { get; private init; }

    public static LeaseLostException To(string? holder) => new(
        $"Refresh lease lost to {holder ?? "another process (the cache was cleared)"}: it took over after this refresh's lease expired, so nothing was published.")
    {
        LostTo = holder,
    };
}
