using System.Text;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Tests.Hosting;

public sealed class InFlightRequestsTests
{
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"x"}}""", "Request", "7")]
    [InlineData("""{"jsonrpc":"2.0","method":"tools/list","id":"a-1"}""", "Request", "\"a-1\"")]
    [InlineData("""{"result":{"tools":[]},"id":7,"jsonrpc":"2.0"}""", "Response", "7")]
    [InlineData("""{"jsonrpc":"2.0","id":"a-1","error":{"code":-32602,"message":"bad"}}""", "Response", "\"a-1\"")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"user"}}""", "Cancelled", "7")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", "Other", null)]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"sampling/createMessage","params":{"messages":[{"id":1}]}}""", "Request", "3")]
    [InlineData("not json", "Other", null)]
    public void Parse_Line_IdentifiesKindAndId(string line, string kind, string? id) =>
        JsonRpcLine.Parse(Encoding.UTF8.GetBytes(line)).Should().Be(new JsonRpcLine(Enum.Parse<JsonRpcLineKind>(kind), id));

    [Fact]
    public async Task WaitIdle_RequestAnswered_CompletesOnlyAfterTheResponse()
    {
        var inFlight = new InFlightRequests();
        inFlight.OnIncoming("""{"jsonrpc":"2.0","id":1,"method":"tools/call"}"""u8);

        var idle = inFlight.WaitIdleAsync(TimeSpan.FromMinutes(1));
        idle.IsCompleted.Should().BeFalse();

        inFlight.OnOutgoing("""{"jsonrpc":"2.0","method":"notifications/progress","params":{}}"""u8);
        idle.IsCompleted.Should().BeFalse("a notification is not the answer");

        inFlight.OnOutgoing("""{"jsonrpc":"2.0","id":1,"result":{}}"""u8);
        await idle.WaitAsync(TimeSpan.FromSeconds(5));
        inFlight.Count.Should().Be(0);
    }

    [Theory]
    [InlineData("\"a+b\"", "\"a\\u002Bb\"")]
    [InlineData("\"ü\"", "\"\\u00FC\"")]
    [InlineData("\"<x>\"", "\"\\u003Cx\\u003E\"")]
    [InlineData("\"it's & co\"", "\"it\\u0027s \\u0026 co\"")]
    [InlineData("10", "10")]
    public async Task WaitIdle_ReplyEscapesTheIdDifferently_StillCountsAsAnswered(string requestId, string replyId)
    {
        var inFlight = new InFlightRequests();
        inFlight.OnIncoming(Encoding.UTF8.GetBytes($$$"""{"jsonrpc":"2.0","id":{{{requestId}}},"method":"tools/call"}"""));

        inFlight.OnOutgoing(Encoding.UTF8.GetBytes($$$"""{"jsonrpc":"2.0","id":{{{replyId}}},"result":{}}"""));

        inFlight.Count.Should().Be(0);
        await inFlight.WaitIdleAsync(TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitIdle_RequestCancelledByClient_StopsWaiting()
    {
        var inFlight = new InFlightRequests();
        inFlight.OnIncoming("""{"jsonrpc":"2.0","id":"x","method":"tools/call"}"""u8);
        inFlight.OnIncoming("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"x"}}"""u8);

        await inFlight.WaitIdleAsync(TimeSpan.FromMinutes(1)).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task DrainingInputStream_EndOfInputWithRequestInFlight_ReportsEndOnlyAfterAnswer()
    {
        var inFlight = new InFlightRequests();
        var bytes = """{"jsonrpc":"2.0","id":1,"method":"tools/call"}""" + "\n";
        using var stream = new DrainingInputStream(new MemoryStream(Encoding.UTF8.GetBytes(bytes)), inFlight, TimeSpan.FromMinutes(1));
        var buffer = new byte[4096];

        (await stream.ReadAsync(buffer)).Should().Be(bytes.Length);
        var end = stream.ReadAsync(buffer).AsTask();
        await Task.Yield();
        end.IsCompleted.Should().BeFalse("request 1 has not been answered");

        inFlight.OnOutgoing("""{"jsonrpc":"2.0","id":1,"result":{}}"""u8);
        (await end.WaitAsync(TimeSpan.FromSeconds(5))).Should().Be(0);
    }

    [Fact]
    public async Task DrainingInputStream_ShutdownRequested_EndsInputWhileStdinStaysOpen()
    {
        var inFlight = new InFlightRequests();
        using var neverEnding = new BlockingStream();
        using var stream = new DrainingInputStream(neverEnding, inFlight, TimeSpan.FromMinutes(1));

        var read = stream.ReadAsync(new byte[16]).AsTask();
        stream.RequestShutdown();

        (await read.WaitAsync(TimeSpan.FromSeconds(5))).Should().Be(0);
    }

    /// <summary>A stdin that never delivers a byte.</summary>
    private sealed class BlockingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => 0, TaskScheduler.Default));
    }
}
