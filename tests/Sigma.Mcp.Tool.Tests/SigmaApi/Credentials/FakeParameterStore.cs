using System.Collections.Concurrent;
using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Credentials;

/// <summary>
/// Parameter Store in memory: an <see cref="IAmazonSimpleSystemsManagement"/> whose <c>GetParameter</c> gives the queued
/// answers in turn (the last one repeats) and records every request. Everything else is the real client, never called:
/// it has dummy credentials and sends nothing.
/// </summary>
internal sealed class FakeParameterStore(string region = "eu-west-2")
    : AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("fake-access-key", "fake-secret-key"), RegionEndpoint.GetBySystemName(region))
{
    private readonly ConcurrentQueue<Func<GetParameterRequest, GetParameterResponse>> _answers = new();
    private Func<GetParameterRequest, GetParameterResponse>? _last;

    public ConcurrentQueue<GetParameterRequest> Requests { get; } = new();

    /// <summary>Then answers with a parameter whose value is <paramref name="value"/>.</summary>
    public FakeParameterStore ThenValue(string value)
    {
        _answers.Enqueue(request => new GetParameterResponse
        {
            Parameter = new Parameter { Name = request.Name, Type = ParameterType.SecureString, Value = value },
            HttpStatusCode = HttpStatusCode.OK,
        });
        return this;
    }

    /// <summary>Then answers with the JSON the secret holds.</summary>
    public FakeParameterStore ThenCredentials(string clientId, string clientSecret) =>
        ThenValue($$"""{"clientId":"{{clientId}}","clientSecret":"{{clientSecret}}"}""");

    /// <summary>Then fails with <paramref name="error"/>.</summary>
    public FakeParameterStore ThenThrows(Exception error)
    {
        _answers.Enqueue(_ => throw error);
        return this;
    }

    public override Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        if (_answers.TryDequeue(out var next))
        {
            _last = next;
        }

        var answer = _last ?? throw new InvalidOperationException("FakeParameterStore: no answer queued.");
        return Task.FromResult(answer(request));
    }
}
