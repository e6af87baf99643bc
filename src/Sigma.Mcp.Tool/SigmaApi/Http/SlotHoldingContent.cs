using System.Net;

namespace Sigma.Mcp.Tool.SigmaApi.Http;

/// <summary>A response body that releases its <see cref="ConcurrencyLimit"/> slot, once, when it is read to the end by buffering or disposed.</summary>
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

    // Buffering (HttpClient's default) reads the whole body here: the slot is free once it is read, disposed or not.
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await _inner.CopyToAsync(stream, context);
        Release();
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await _inner.CopyToAsync(stream, context, cancellationToken);
        Release();
    }

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
            Release();
        }

        base.Dispose(disposing);
    }

    private void Release() => Interlocked.Exchange(ref _slot, null)?.Release();
}
