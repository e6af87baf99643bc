using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>
/// The host lifetime for <c>serve</c>. Unlike the console lifetime, a SIGTERM or Ctrl+C does not stop the host at once
/// (which would cancel in-flight tool calls): it ends the input, the session finishes its answers, and the SDK then
/// stops the host. A second signal, or a drain that takes too long, stops it outright.
/// </summary>
internal sealed class StdioServerLifetime(DrainingInputStream input, IHostApplicationLifetime lifetime) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            input.RequestShutdown();
        }
        else
        {
            lifetime.StopApplication();
        }
    }
}
