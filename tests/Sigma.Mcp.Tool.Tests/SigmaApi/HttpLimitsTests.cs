using System.Net;
using Sigma.Mcp.Tool.SigmaApi.Http;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

/// <summary>The pipeline's limits, with a counting inner handler in place of the network.</summary>
public sealed class HttpLimitsTests
{
    [Fact]
    public async Task ConcurrencyLimit_ManyCallers_NeverMoreInFlightThanTheLimit()
    {
        using var limit = new ConcurrencyLimit(3);
        var inner = new CountingHandler(TimeSpan.FromMilliseconds(30));
        using var http = new HttpClient(new ConcurrencyLimitHandler(limit) { InnerHandler = inner });

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => http.GetAsync(new Uri($"http://127.0.0.1/v2/workbooks/{i}"))));

        inner.Total.Should().Be(30);
        inner.MaxInFlight.Should().Be(3);
    }

    [Fact]
    public async Task ExportRateLimit_MoreThan400ExportsInAMinute_TheRestWait()
    {
        using var limits = new ExportRateLimits();
        var inner = new CountingHandler(TimeSpan.Zero);
        using var http = new HttpClient(new ExportRateLimitHandler(limits) { InnerHandler = inner });

        var exports = Enumerable.Range(0, ExportRateLimits.PerMinute + 5)
            .Select(_ => http.PostAsync(new Uri("http://127.0.0.1/v2/workbooks/wb/export"), null))
            .ToList();
        await Task.WhenAll(exports.Take(ExportRateLimits.PerMinute));
        var listings = await http.GetAsync(new Uri("http://127.0.0.1/v2/workbooks"));

        exports.Skip(ExportRateLimits.PerMinute).Should().OnlyContain(t => !t.IsCompleted, "the window is full for a minute");
        listings.StatusCode.Should().Be(HttpStatusCode.OK, "other requests are not limited");
        inner.Total.Should().Be(ExportRateLimits.PerMinute + 1);
    }

    /// <summary>Answers 200 after a delay and records how many requests it held at once.</summary>
    private sealed class CountingHandler(TimeSpan delay) : HttpMessageHandler
    {
        private int _inFlight;
        private int _maxInFlight;
        private int _total;

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public int Total => Volatile.Read(ref _total);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            Interlocked.Increment(ref _total);
            int seen;
            while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            await Task.Delay(delay, cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        }
    }
}
