using System.Net;
using System.Net.Sockets;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Sandbox;

/// <summary>
/// Why the sandbox ends its listener with <c>Stop()</c> then <c>Abort()</c>: on the managed listener (Linux, macOS),
/// <c>Close()</c> after <c>Stop()</c> unregisters the prefix a second time and re-binds the port to do it, so it
/// throws when another process took the port in between (seen in CI as a test failing in its <c>await using</c>).
/// </summary>
public sealed class HttpListenerShutdownTests
{
    [Fact]
    public void CloseAfterStop_PortTakenMeanwhile_Throws_AbortDoesNot()
    {
        OperatingSystem.IsWindows().Should().BeFalse("this pins the managed listener; http.sys does not re-bind on close");

        (HttpListener closed, int closedPort) = LoopbackHttpListener.Start();
        closed.Stop();
        using (Occupy(closedPort))
        {
            closed.Invoking(l => l.Close()).Should().Throw<HttpListenerException>();
        }

        (HttpListener aborted, int abortedPort) = LoopbackHttpListener.Start();
        aborted.Stop();
        using (Occupy(abortedPort))
        {
            aborted.Invoking(l => l.Abort()).Should().NotThrow();
        }
    }

    private static Socket Occupy(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        socket.Listen();
        return socket;
    }
}
