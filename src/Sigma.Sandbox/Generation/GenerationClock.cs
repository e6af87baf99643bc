namespace Sigma.Sandbox.Generation;

/// <summary>
/// The fixed window generated timestamps fall in. Fixed rather than "now" so that content is identical on every run.
/// </summary>
internal static class GenerationClock
{
    public static readonly DateTimeOffset Start = new(2022, 1, 3, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset End = new(2025, 6, 30, 17, 0, 0, TimeSpan.Zero);

    /// <summary>A millisecond-precision instant in [<paramref name="from"/>, <see cref="End"/>].</summary>
    public static DateTimeOffset Between(DeterministicRandom random, DateTimeOffset from)
    {
        long span = (long)(End - from).TotalMilliseconds;
        return from.AddMilliseconds(span <= 0 ? 0 : (long)(random.NextDouble() * span));
    }
}
