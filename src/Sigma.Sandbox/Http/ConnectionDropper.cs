using System.Net;
using System.Net.Sockets;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Sigma.Sandbox.Http;

/// <summary>
/// Drops a connection without a response. <see cref="HttpListenerResponse.Abort"/> alone is not enough off Windows:
/// the managed listener still writes a response head while closing, which a client reads as an empty 200. Making the
/// connection's stream unwritable first (and resetting the socket) turns it into a real drop, which is what a retry
/// handler must be tested against. If the listener's internals ever change, this degrades to a plain Abort.
/// </summary>
internal static class ConnectionDropper
{
    private static readonly PropertyInfo? s_connection =
        typeof(HttpListenerContext).GetProperty("Connection", BindingFlags.Instance | BindingFlags.NonPublic);

    public static void Drop(HttpListenerContext context)
    {
        Silence(context);
        try
        {
            context.Response.Abort();
        }
        catch (Exception error) when (error is ObjectDisposedException or HttpListenerException or IOException)
        {
            // The connection was already closed.
        }
    }

    /// <summary>Makes sure nothing more is written on this connection; closing it later then resets it.</summary>
    public static void Silence(HttpListenerContext context)
    {
        if (OperatingSystem.IsWindows() || ConnectedStream(context) is not NetworkStream stream)
        {
            return;
        }

        try
        {
            stream.Socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Already gone: disposing the stream below is all that is left to do.
        }

        stream.Dispose();
    }

    // The listener's private members are kept in a trimmed (native AOT) build by the dependencies declared here.
    [DynamicDependency(DynamicallyAccessedMemberTypes.NonPublicProperties, typeof(HttpListenerContext))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, "System.Net.HttpConnection", "System.Net.HttpListener")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "HttpConnection.ConnectedStream is kept by the DynamicDependency above; if it is missing, Drop degrades to a plain Abort.")]
    private static Stream? ConnectedStream(HttpListenerContext context)
    {
        object? connection = s_connection?.GetValue(context);
        return connection?.GetType().GetProperty("ConnectedStream")?.GetValue(connection) as Stream;
    }
}
