using System.Net;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi.Credentials;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Credentials;

/// <summary>Reading the credentials secret through Parameter Store: parsing, caching, re-reading, and errors that never hold the secret.</summary>
public sealed class SecretsManagerCredentialSourceTests : IDisposable
{
    private const string SecretId = "sigma-mcp/prod/sigma-credentials";
    private const string Secret = "s3cr3t-do-not-leak";

    private readonly FakeParameterStore _ssm = new("eu-west-2");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public SecretsManagerCredentialSourceTests() =>
        _loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _ssm.Dispose();
    }

    [Fact]
    public async Task GetAsync_SecretHoldsCredentials_ReadsTheReferenceParameterDecrypted()
    {
        _ssm.ThenCredentials("client-1", Secret);
        using var source = Source();

        var credentials = await source.GetAsync(TestTimeouts.Token());

        credentials.Should().Be(new SigmaCredentials("client-1", Secret));
        var request = _ssm.Requests.Should().ContainSingle().Which;
        request.Name.Should().Be("/aws/reference/secretsmanager/sigma-mcp/prod/sigma-credentials");
        request.WithDecryption.Should().BeTrue();
    }

    [Fact]
    public async Task GetAsync_ReferencePathGivenAsSecretId_ReadsTheSameParameter()
    {
        _ssm.ThenCredentials("client-1", Secret);
        using var source = new SecretsManagerCredentialSource(_ssm, "/aws/reference/secretsmanager/" + SecretId, _time, Logger());

        await source.GetAsync(TestTimeouts.Token());

        source.SecretId.Should().Be(SecretId);
        _ssm.Requests.Should().ContainSingle().Which.Name.Should().Be("/aws/reference/secretsmanager/" + SecretId);
    }

    [Fact]
    public async Task GetAsync_OtherFieldsAndAnyCase_Accepted()
    {
        _ssm.ThenValue($$$"""{"ClientID":"client-1","CLIENTSECRET":"{{{Secret}}}","note":"rotated monthly","extra":{"a":1}}""");
        using var source = Source();

        (await source.GetAsync(TestTimeouts.Token())).Should().Be(new SigmaCredentials("client-1", Secret));
    }

    [Fact]
    public async Task GetAsync_ManyCallsAtOnce_ReadsTheSecretOnce()
    {
        _ssm.ThenCredentials("client-1", Secret);
        using var source = Source();

        var all = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => source.GetAsync(TestTimeouts.Token()).AsTask()));
        await source.GetAsync(TestTimeouts.Token());

        all.Distinct().Should().ContainSingle();
        _ssm.Requests.Should().ContainSingle();
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("plain-s3cr3t-do-not-leak", "it is not JSON")]
    [InlineData("""{"clientId":"client-1","clientSecret":"s3cr3t-do-not-leak" """, "it is not JSON")]
    [InlineData("""["client-1","s3cr3t-do-not-leak"]""", "it is a JSON array, not an object")]
    [InlineData("""{"clientId":"client-1"}""", "clientSecret is missing, empty or not a string")]
    [InlineData("""{"client_id":"client-1","client_secret":"s3cr3t-do-not-leak"}""", "clientId and clientSecret are missing, empty or not a string")]
    [InlineData("""{"clientId":"client-1","clientSecret":42}""", "clientSecret is missing, empty or not a string")]
    [InlineData("""{"clientId":" ","clientSecret":"s3cr3t-do-not-leak"}""", "clientId is missing, empty or not a string")]
    public async Task GetAsync_MalformedSecret_FailsSayingWhichFieldsAreExpectedWithoutTheValue(string value, string problem)
    {
        _ssm.ThenValue(value);
        using var source = Source();

        var error = (await ((Func<Task>)(() => source.GetAsync(TestTimeouts.Token()).AsTask())).Should().ThrowAsync<ConfigurationException>()).Which;

        error.Setting.Should().Be("SIGMA_CREDENTIALS_SECRET_ID");
        error.Message.Should().Contain($"'{SecretId}'").And.Contain("eu-west-2").And.Contain(problem)
            .And.Contain("""{"clientId": "…", "clientSecret": "…"}""").And.Contain("aws secretsmanager put-secret-value");
        error.ToString().Should().NotContain(Secret);
        error.InnerException.Should().BeNull("a JSON parser's exception would describe the secret's text");
    }

    [Fact]
    public async Task GetAsync_SecretMissing_NamesTheSecretAndTheRegion()
    {
        _ssm.ThenThrows(new ParameterNotFoundException($"Parameter /aws/reference/secretsmanager/{SecretId} not found."));
        using var source = Source();

        var error = (await ((Func<Task>)(() => source.GetAsync(TestTimeouts.Token()).AsTask())).Should().ThrowAsync<ConfigurationException>()).Which;

        error.Message.Should().StartWith($"Could not read the Secrets Manager secret '{SecretId}' (SIGMA_CREDENTIALS_SECRET_ID) in region eu-west-2: it does not exist there, or has no value yet.");
        error.Message.Should().Contain("AWS_REGION");
    }

    [Fact]
    public async Task GetAsync_AccessDenied_NamesEveryIamActionNeeded()
    {
        _ssm.ThenThrows(new AmazonSimpleSystemsManagementException(
            "User: arn:aws:sts::123456789012:assumed-role/sigma-mcp/fn is not authorized to perform: secretsmanager:GetSecretValue",
            ErrorType.Sender, "AccessDeniedException", "request-1", HttpStatusCode.BadRequest));
        using var source = Source();

        var error = (await ((Func<Task>)(() => source.GetAsync(TestTimeouts.Token()).AsTask())).Should().ThrowAsync<ConfigurationException>()).Which;

        error.Message.Should().Contain($"may not read the Secrets Manager secret '{SecretId}'")
            .And.Contain($"ssm:GetParameter on the parameter arn:aws:ssm:eu-west-2:<account>:parameter/aws/reference/secretsmanager/{SecretId}")
            .And.Contain("secretsmanager:GetSecretValue").And.Contain("kms:Decrypt")
            .And.Contain("not authorized to perform: secretsmanager:GetSecretValue", "AWS's own words say which one is missing");
    }

    [Fact]
    public async Task GetAsync_KmsKeyUnusable_NamesKmsDecrypt()
    {
        _ssm.ThenThrows(new InvalidKeyIdException("The KMS key is disabled."));
        using var source = Source();

        var error = (await ((Func<Task>)(() => source.GetAsync(TestTimeouts.Token()).AsTask())).Should().ThrowAsync<ConfigurationException>()).Which;

        error.Message.Should().StartWith($"Could not decrypt the Secrets Manager secret '{SecretId}'").And.Contain("kms:Decrypt");
    }

    [Fact]
    public async Task GetAsync_FailedRead_NotCachedSoTheNextCallReadsAgain()
    {
        _ssm.ThenThrows(new ParameterNotFoundException("not found")).ThenCredentials("client-1", Secret);
        using var source = Source();

        await ((Func<Task>)(() => source.GetAsync(TestTimeouts.Token()).AsTask())).Should().ThrowAsync<ConfigurationException>();
        var credentials = await source.GetAsync(TestTimeouts.Token());

        credentials.ClientId.Should().Be("client-1");
        _ssm.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Reload_SecretRotated_ReadsOnceAndReturnsTheNewCredentials()
    {
        _ssm.ThenCredentials("client-1", "old-" + Secret).ThenCredentials("client-1", Secret);
        using var source = Source();
        var old = await source.GetAsync(TestTimeouts.Token());

        var reloaded = await source.ReloadAfterRejectionAsync(old, TestTimeouts.Token());

        reloaded.Should().Be(new SigmaCredentials("client-1", Secret));
        (await source.GetAsync(TestTimeouts.Token())).Should().Be(reloaded, "the new credentials are cached");
        _ssm.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Reload_SecretUnchanged_ReturnsNullAfterOneRead()
    {
        _ssm.ThenCredentials("client-1", Secret);
        using var source = Source();
        var current = await source.GetAsync(TestTimeouts.Token());

        (await source.ReloadAfterRejectionAsync(current, TestTimeouts.Token())).Should().BeNull();

        _ssm.Requests.Should().HaveCount(2);
        _logs.Lines.Should().Contain(line => line.Contains("still holds them", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_TwiceWithinAMinute_SecondDoesNotReadUntilTheMinuteHasPassed()
    {
        _ssm.ThenCredentials("client-1", Secret);
        using var source = Source();
        var current = await source.GetAsync(TestTimeouts.Token());
        await source.ReloadAfterRejectionAsync(current, TestTimeouts.Token());

        _time.Advance(TimeSpan.FromSeconds(59));
        (await source.ReloadAfterRejectionAsync(current, TestTimeouts.Token())).Should().BeNull();
        _ssm.Requests.Should().HaveCount(2, "the second re-read came 59 s after the first");

        _time.Advance(TimeSpan.FromSeconds(1));
        await source.ReloadAfterRejectionAsync(current, TestTimeouts.Token());
        _ssm.Requests.Should().HaveCount(3, "a minute after the last re-read, the secret may be read again");
    }

    [Fact]
    public async Task Reload_FailedReread_StillCountsTowardsTheMinute()
    {
        _ssm.ThenCredentials("client-1", Secret).ThenThrows(new ParameterNotFoundException("not found"));
        using var source = Source();
        var current = await source.GetAsync(TestTimeouts.Token());

        await ((Func<Task>)(() => source.ReloadAfterRejectionAsync(current, TestTimeouts.Token()).AsTask())).Should().ThrowAsync<ConfigurationException>();
        (await source.ReloadAfterRejectionAsync(current, TestTimeouts.Token())).Should().BeNull();

        _ssm.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Reload_AnotherCallerAlreadyReloaded_ReturnsThoseWithoutReading()
    {
        _ssm.ThenCredentials("client-1", "old-" + Secret).ThenCredentials("client-1", Secret);
        using var source = Source();
        var old = await source.GetAsync(TestTimeouts.Token());
        var first = await source.ReloadAfterRejectionAsync(old, TestTimeouts.Token());

        var second = await source.ReloadAfterRejectionAsync(old, TestTimeouts.Token());

        second.Should().Be(first);
        _ssm.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task EveryPath_SecretNeverLoggedOrInToString()
    {
        _ssm.ThenCredentials("client-1", "old-" + Secret).ThenCredentials("client-1", Secret).ThenValue("{\"clientId\":\"client-1\",\"clientSecret\":" + Secret);
        using var source = Source();
        var old = await source.GetAsync(TestTimeouts.Token());
        var fresh = await source.ReloadAfterRejectionAsync(old, TestTimeouts.Token());
        _time.Advance(TimeSpan.FromMinutes(2));
        var error = await ((Func<Task>)(() => source.ReloadAfterRejectionAsync(fresh!, TestTimeouts.Token()).AsTask())).Should().ThrowAsync<ConfigurationException>();

        _logs.Lines.Should().NotBeEmpty().And.NotContain(line => line.Contains(Secret, StringComparison.Ordinal));
        error.Which.ToString().Should().NotContain(Secret);
        fresh!.ToString().Should().NotContain(Secret);
        source.Description.Should().NotContain(Secret);
    }

    private SecretsManagerCredentialSource Source() => new(_ssm, SecretId, _time, Logger());

    private ILogger<SecretsManagerCredentialSource> Logger() => _loggerFactory.CreateLogger<SecretsManagerCredentialSource>();
}
