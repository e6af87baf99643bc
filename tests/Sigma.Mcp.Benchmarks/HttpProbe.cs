using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// The Lambda cold-start proxy: spawn <c>serve --http</c> → the first <c>initialize</c> answered at <c>/mcp</c>. The
/// probe retries at once while nothing listens (a refused loopback connection costs microseconds), as the Lambda Web
/// Adapter's readiness check does.
/// </summary>
internal static class HttpProbe
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""";

    public static async Task<double> RunAsync(string program, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreeLoopbackPort();
        var info = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "--http", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["SIGMA_MCP_HTTP_TOKENS"] = "bench-token-0123456789abcdef0123456789abcdef";
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { Timeout = TimeSpan.FromSeconds(180) };
        var endpoint = new Uri($"http://127.0.0.1:{port}/mcp");

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(180) && !process.HasExited)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bench-token-0123456789abcdef0123456789abcdef");
                    request.Headers.Accept.ParseAdd("application/json");
                    request.Headers.Accept.ParseAdd("text/event-stream");
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.OK && body.Contains("\"protocolVersion\"", StringComparison.Ordinal))
                    {
                        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }

                    throw new InvalidOperationException($"/mcp answered {(int)response.StatusCode}: {body}");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(1); // not listening yet
                }
            }

            throw new InvalidOperationException($"{program} serve --http did not answer within 180 s.");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
