using System.Net;
using System.Net.Sockets;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>A started <see cref="HttpListener"/> on 127.0.0.1 and a free port, for test servers that answer by hand.</summary>
internal static class LoopbackHttpListener
{
    public static (HttpListener Listener, int Port) Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding.
                listener.Abort();
            }
        }
    }
}
