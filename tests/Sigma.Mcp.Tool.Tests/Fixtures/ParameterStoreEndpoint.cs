using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// AWS Systems Manager's JSON protocol (<c>X-Amz-Target: AmazonSSM.GetParameter</c>, <c>application/x-amz-json-1.1</c>)
/// on loopback, answering for the Secrets Manager reference path <c>/aws/reference/secretsmanager/NAME</c>: what the
/// tool reads secrets through. The real AWS SDK in the real process is pointed at it with
/// <c>AWS_ENDPOINT_URL_SSM</c> (<see cref="Settings"/>). Counts reads; the test sets and rotates the values.
/// </summary>
internal sealed class ParameterStoreEndpoint : IAsyncDisposable
{
    private const string ReferencePrefix = "/aws/reference/secretsmanager/";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private int _reads;

    private ParameterStoreEndpoint(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>GetParameter requests received, for any name.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>When set, every request fails with HTTP 500 <c>InternalServerError</c> (AWS having a bad day).</summary>
    public bool Failing { get; set; }

    public static async Task<ParameterStoreEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new ParameterStoreEndpoint(app);
        app.MapPost("/", (Func<HttpContext, Task<IResult>>)endpoint.HandleAsync);
        await app.StartAsync();
        endpoint.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return endpoint;
    }

    /// <summary>Puts <paramref name="value"/> in the secret <paramref name="secretId"/> (a rotation, if it had one).</summary>
    public void Put(string secretId, string value) => _secrets[secretId] = value;

    /// <summary>Environment that points the AWS SDK at this endpoint, with dummy credentials and a region.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["AWS_ENDPOINT_URL_SSM"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = "eu-west-2",
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLEFAKE",
        ["AWS_SECRET_ACCESS_KEY"] = "fake-secret-access-key",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _reads);
        if (Failing)
        {
            return Error(StatusCodes.Status500InternalServerError, "InternalServerError", "Internal failure (simulated).");
        }

        if (context.Request.Headers["X-Amz-Target"].ToString() != "AmazonSSM.GetParameter")
        {
            return Error(StatusCodes.Status400BadRequest, "UnknownOperationException", "Only GetParameter is served here.");
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var name = body.RootElement.GetProperty("Name").GetString() ?? "";
        if (!name.StartsWith(ReferencePrefix, StringComparison.Ordinal) || !_secrets.TryGetValue(name[ReferencePrefix.Length..], out var value))
        {
            return Error(StatusCodes.Status400BadRequest, "ParameterNotFound", $"Secrets Manager can't find the specified secret. ({name})");
        }

        var answer = new JsonObject
        {
            ["Parameter"] = new JsonObject
            {
                ["Name"] = name,
                ["Type"] = "SecureString",
                ["Value"] = value,
                ["Version"] = 1,
                ["ARN"] = $"arn:aws:secretsmanager:eu-west-2:123456789012:secret:{name[ReferencePrefix.Length..]}",
                ["DataType"] = "text",
            },
        };
        return Results.Text(answer.ToJsonString(), "application/x-amz-json-1.1");
    }

    private static IResult Error(int status, string type, string message) => Results.Text(
        new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString(), "application/x-amz-json-1.1", statusCode: status);
}
