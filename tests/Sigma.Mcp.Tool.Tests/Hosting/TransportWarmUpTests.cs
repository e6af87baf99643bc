using System.IO.Pipelines;
using System.Text;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Tests.Hosting;

/// <summary>The server's own requests through its stdio transport: between the client's lines, never on stdout.</summary>
public sealed class TransportWarmUpTests
{
    private const string ClientRequest = """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""";
    private const string OwnRequest = """{"jsonrpc":"2.0","id":"sigma-mcp-warm-up-1","method":"ping"}""";

    [Fact]
    public async Task Inject_WhileAClientLineIsHalfRead_DeliversItAfterThatLine()
    {
        var stdin = new Pipe();
        using var input = new DrainingInputStream(stdin.Reader.AsStream(), new InFlightRequests(), TimeSpan.FromMinutes(1));
        await stdin.Writer.WriteAsync(Encoding.UTF8.GetBytes(ClientRequest[..20]));
        var buffer = new byte[64];
        var firstHalf = Encoding.UTF8.GetString(buffer, 0, await input.ReadAsync(buffer)); // the transport has half a line now

        input.Inject(Encoding.UTF8.GetBytes(OwnRequest));
        await stdin.Writer.WriteAsync(Encoding.UTF8.GetBytes(ClientRequest[20..] + "\n"));

        (await ReadLinesAsync(input, 2, firstHalf).WaitAsync(TimeSpan.FromSeconds(10))).Should().Equal(ClientRequest, OwnRequest);
    }

    [Fact]
    public async Task Inject_WhileStdinIsIdle_DeliversItAtOnce_AndCountsItInFlight()
    {
        var stdin = new Pipe();
        var inFlight = new InFlightRequests();
        using var input = new DrainingInputStream(stdin.Reader.AsStream(), inFlight, TimeSpan.FromMinutes(1));
        var lines = ReadLinesAsync(input, 1);

        input.Inject(Encoding.UTF8.GetBytes(OwnRequest));

        (await lines.WaitAsync(TimeSpan.FromSeconds(10))).Should().Equal(OwnRequest);
        inFlight.Count.Should().Be(1, "an EOF right behind it waits for its answer, as for the client's requests");
    }

    [Fact]
    public async Task Swallow_TheAnswerToTheServersOwnRequest_IsNotWritten_TheClientsAre()
    {
        using var stdout = new MemoryStream();
        var inFlight = new InFlightRequests();
        inFlight.OnIncoming(Encoding.UTF8.GetBytes(OwnRequest));
        using var output = new ObservedOutputStream(stdout, inFlight);
        var swallowed = output.Swallow("\"sigma-mcp-warm-up-1\"");

        // As the SDK writes: a message, then its newline.
        await output.WriteAsync(Encoding.UTF8.GetBytes("""{"result":{},"id":"sigma-mcp-warm-up-1","jsonrpc":"2.0"}"""));
        await output.WriteAsync("\n"u8.ToArray());
        await output.WriteAsync(Encoding.UTF8.GetBytes("""{"result":{"tools":[]},"id":1,"jsonrpc":"2.0"}"""));
        await output.WriteAsync("\n"u8.ToArray());

        Encoding.UTF8.GetString(stdout.ToArray()).Should().Be("""{"result":{"tools":[]},"id":1,"jsonrpc":"2.0"}""" + "\n");
        await swallowed.WaitAsync(TimeSpan.FromSeconds(5));
        inFlight.Count.Should().Be(0, "a swallowed answer is still the answer");
    }

    [Fact]
    public async Task CallAsync_ClientRequestInFlight_SendsNothing()
    {
        var stdin = new Pipe();
        var inFlight = new InFlightRequests();
        using var input = new DrainingInputStream(stdin.Reader.AsStream(), inFlight, TimeSpan.FromMinutes(1));
        using var output = new ObservedOutputStream(new MemoryStream(), inFlight);
        inFlight.OnIncoming(Encoding.UTF8.GetBytes(ClientRequest));

        var sent = await new TransportWarmUp(input, output, inFlight).CallAsync("ping", "{}", TimeSpan.FromSeconds(1), CancellationToken.None);

        sent.Should().BeFalse("the client's call warms the path itself, and must not wait behind the server's");
    }

    [Theory]
    [InlineData("sigma-mcp-warm-up-3", true)]
    [InlineData("warm-up", false)]
    [InlineData(3L, false)]
    [InlineData(null, false)]
    public void IsWarmUp_RequestId_OnlyTheServersOwn(object? id, bool expected) => TransportWarmUp.IsWarmUp(id).Should().Be(expected);

    private static async Task<List<string>> ReadLinesAsync(Stream input, int count, string readAlready = "")
    {
        var lines = new List<string>();
        var pending = new StringBuilder(readAlready);
        var buffer = new byte[7]; // smaller than a line: lines arrive in pieces, as they may from a pipe
        while (lines.Count < count)
        {
            var read = await input.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            foreach (var c in Encoding.UTF8.GetString(buffer, 0, read))
            {
                if (c == '\n')
                {
                    lines.Add(pending.ToString());
                    pending.Clear();
                }
                else
                {
                    pending.Append(c);
                }
            }
        }

        return lines;
    }
}
