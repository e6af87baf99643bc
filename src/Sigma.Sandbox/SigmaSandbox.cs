using Sigma.Sandbox.Auth;
using Sigma.Sandbox.Endpoints;
using Sigma.Sandbox.Exports;
using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Http;

namespace Sigma.Sandbox;

/// <summary>
/// A simulated Sigma organization (REST API v2) served over real HTTP on loopback. Start one per test class or
/// per <c>sigma-mcp --sandbox</c> run; everything it serves is deterministic for <see cref="SandboxOptions.Seed"/>.
/// </summary>
public sealed class SigmaSandbox : IAsyncDisposable
{
    private readonly SandboxServer _server;

    private SigmaSandbox(SandboxServer server, SandboxOptions options, SandboxData data, SandboxFaults faults, SandboxRequestLog requests)
    {
        _server = server;
        Options = options;
        Data = data;
        Faults = faults;
        Requests = requests;
    }

    /// <summary>
    /// The API root, e.g. <c>http://127.0.0.1:43123</c> (<c>http://localhost:43123</c> on Windows), without a trailing <c>/v2</c>.
    /// </summary>
    public Uri BaseUrl => _server.BaseUrl;

    public string ClientId => Options.ClientId;

    public string ClientSecret => Options.ClientSecret;

    public SandboxOptions Options { get; }

    /// <summary>The organization's content; tests may change it while the sandbox runs.</summary>
    public SandboxData Data { get; }

    /// <summary>Fault injection, changeable at run time.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>What the sandbox was asked.</summary>
    public SandboxRequestLog Requests { get; }

    /// <summary>Generates the organization and starts listening on a free loopback port.</summary>
    public static async Task<SigmaSandbox> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        options.Validate();

        // Generating 100,000 workbooks takes a moment: keep it off the caller's thread.
        GeneratedOrganization organization = await Task.Run(() => OrganizationGenerator.Generate(options), cancellationToken);
        var data = new SandboxData(organization, options);
        var tokens = new TokenStore(options.TimeProvider, options.TokenLifetime);
        var faults = new SandboxFaults(tokens);
        var requests = new SandboxRequestLog();
        var state = new SandboxState(options, data, faults, tokens, new ExportJobStore());
        cancellationToken.ThrowIfCancellationRequested();
        SandboxServer server = SandboxServer.Start(new RequestPipeline(EndpointMap.Build(state), state, requests));
        return new SigmaSandbox(server, options, data, faults, requests);
    }

    /// <summary>Stops listening; requests still in flight are cancelled and their connections closed.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"Sigma sandbox at {BaseUrl} ({Data.Workbooks.Count} workbooks)";
}
