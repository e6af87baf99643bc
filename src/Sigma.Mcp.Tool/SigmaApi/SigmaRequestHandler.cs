namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>
/// A handler the host adds to every request a <see cref="SigmaClient"/> makes, innermost (after the limits), e.g. the
/// HTTP mode's per-caller document filter. See <see cref="SigmaHttpServices"/>.
/// </summary>
internal sealed record SigmaRequestHandler(Func<DelegatingHandler> Create);
