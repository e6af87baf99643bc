using System.Net;

namespace Sigma.Mcp.Tool.SigmaApi.Http;

/// <summary>A response body that releases its <see cref="ConcurrencyLimit"/> slot, once, when it is disposed.</summary>
internal sealed class SlotHoldingContent : HttpContent
{
    private readonly HttpContent _inner;
    private SemaphoreSlim? _slot;

    public SlotHoldingContent(HttpContent inner, SemaphoreSlim slot)
    {
        _inner = inner;
        _slot = slot;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _inner.CopyToAsync(stream, context);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(stream, context, cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            Interlocked.Exchange(ref _slot, null)?.Release();
        }

        base.Dispose(disposing);
    }
}
