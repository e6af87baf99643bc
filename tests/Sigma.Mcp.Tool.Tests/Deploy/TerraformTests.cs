using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Sigma.Mcp.Tool.Aws;
using Sigma.Mcp.Tool.Caching.DynamoDb;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Xunit.Abstractions;

namespace Sigma.Mcp.Tool.Tests.Deploy;

/// <summary>
/// The Terraform in <c>deploy/</c> agrees with the code: the table's keys, the settings the functions are given, the IAM
/// actions and resources, log retention. Parsed with hcl2json, not planned (see <see cref="TerraformConfiguration"/>).
/// </summary>
public sealed partial class TerraformTests(TerraformConfiguration terraform, ITestOutputHelper output) : IClassFixture<TerraformConfiguration>
{
    // Lambda refuses these as environment variables: it sets them itself.
    private static readonly string[] s_reservedByLambda =
    [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ];

    [Fact]
    public void Parse_EveryFile_ConvertedToJson()
    {
        output.WriteLine($"hcl2json over deploy/*.tf took {terraform.ParseTime.TotalMilliseconds:0} ms");

        terraform.FileNames.Should().Contain(["main.tf", "variables.tf", "outputs.tf", "versions.tf", "iam.tf"]);
    }

    [Fact]
    public void CacheTable_KeysAndBilling_AreWhatTheCodeCreatesAndChecks()
    {
        var table = terraform.Resource("aws_dynamodb_table", "cache");

        // DynamoDbTableProvisioner.cs creates the table with these keys (both strings) and on-demand billing, and
        // refuses a table whose keys differ.
        table["hash_key"]!.GetValue<string>().Should().Be(TableSchema.PartitionKey);
        table["range_key"]!.GetValue<string>().Should().Be(TableSchema.SortKey);
        table["billing_mode"]!.GetValue<string>().Should().Be(BillingMode.PAY_PER_REQUEST.Value);
        table["attribute"]!.AsArray().Select(a => (a!["name"]!.GetValue<string>(), a["type"]!.GetValue<string>()))
            .Should().BeEquivalentTo([(TableSchema.PartitionKey, ScalarAttributeType.S.Value), (TableSchema.SortKey, ScalarAttributeType.S.Value)]);
        table.Select(kv => kv.Key).Should().NotContain(["global_secondary_index", "local_secondary_index", "ttl", "stream_enabled"],
            "docs/dynamodb-table.md: no indexes, TTL or streams");
    }

    [Fact]
    public void Functions_EveryEnvironmentVariable_IsOneTheCodeReads()
    {
        var known = typeof(SettingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        var functions = terraform.Resources("aws_lambda_function");
        functions.Should().NotBeEmpty();

        foreach (var (name, function) in functions)
        {
            var variables = Environment(function);
            variables.Should().NotBeEmpty($"function {name} needs its settings");

            // AWS_LWA_* configure the Lambda Web Adapter layer, which reads them before sigma-mcp starts.
            variables.Keys.Where(key => !key.StartsWith("AWS_LWA_", StringComparison.Ordinal))
                .Should().OnlyContain(key => known.Contains(key), $"function {name} may set only settings named in SettingNames.cs");
            variables.Keys.Should().NotContain(s_reservedByLambda, $"Lambda sets these itself and refuses them on function {name}");
            variables.Keys.Should().NotContain([SettingNames.ClientId, SettingNames.ClientSecret],
                $"function {name} reads the credentials from the secret, never from its configuration");
            variables.Keys.Should().Contain([SettingNames.BaseUrl, SettingNames.CredentialsSecretId, SettingNames.Cache, SettingNames.TableName]);
            variables[SettingNames.Cache]!.GetValue<string>().Should().Be("dynamodb");
            variables[SettingNames.TableName]!.GetValue<string>().Should().Be("${aws_dynamodb_table.cache.name}");
            variables[SettingNames.CredentialsSecretId]!.GetValue<string>().Should().Be("${aws_secretsmanager_secret.sigma_credentials.name}");
        }

        Environment(functions["server"]).Keys.Should().Contain([SettingNames.HttpTokensSecretId, SettingNames.AllowedHosts])
            .And.NotContain(SettingNames.HttpTokens, "the tokens come from the secret, never from the configuration");
        Environment(functions["server"])[SettingNames.HttpTokensSecretId]!.GetValue<string>().Should().Contain("aws_secretsmanager_secret.http_tokens.name");
    }

    [Fact]
    public void Variables_NoneHoldsATokenOrSecret_SoNoneIsInTheState()
    {
        var variables = terraform.Variables();
        variables.Should().NotBeEmpty();

        foreach (var (name, variable) in variables)
        {
            variable.ContainsKey("sensitive").Should().BeFalse($"variable {name}: nothing secret is a Terraform variable (it would sit in the state)");
            if (name.Contains("token", StringComparison.OrdinalIgnoreCase))
            {
                variable["type"]!.GetValue<string>().Should().Be("${bool}", $"variable {name} is a switch, never the tokens");
            }
        }

        terraform.Resources("aws_secretsmanager_secret_version").Should().BeEmpty("a secret's value set by Terraform would sit in the state");
        terraform.Resources("aws_secretsmanager_secret").Keys.Should().BeEquivalentTo(["sigma_credentials", "http_tokens"]);
    }

    [Fact]
    public void Roles_ServerAndRefresh_EachFunctionHasItsOwn()
    {
        terraform.Resources("aws_iam_role").Keys.Should().BeEquivalentTo(["server", "refresh"]);
        foreach (var role in new[] { "server", "refresh" })
        {
            terraform.Resource("aws_lambda_function", role)["role"]!.GetValue<string>().Should().Be($"${{aws_iam_role.{role}.arn}}");
            var policy = terraform.Resource("aws_iam_role_policy", role);
            policy["role"]!.GetValue<string>().Should().Be($"${{aws_iam_role.{role}.id}}");
            policy["policy"]!.GetValue<string>().Should().Be($"${{data.aws_iam_policy_document.{role}.json}}");
        }

        terraform.Resources("aws_iam_role_policy").Keys.Should().BeEquivalentTo(["server", "refresh"]);
    }

    [Fact]
    public void Policy_ServerRole_ReadsTheTableAndWritesNothing()
    {
        var dynamoDb = Statements("server").SelectMany(s => terraform.Strings(s["actions"])).Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal));

        // The read path (SearchIndexProvider, ReadinessProbe, heartbeat): metadata and connections by key, documents and
        // members by query. Every other operation the cache calls writes or provisions.
        dynamoDb.Should().BeEquivalentTo(["dynamodb:GetItem", "dynamodb:Query"]);
        DocumentedDynamoDbActions().Except(["dynamodb:GetItem", "dynamodb:Query"]).Should()
            .BeEquivalentTo(["dynamodb:DescribeTable", "dynamodb:CreateTable", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]);

        // The server runs read-only (no refresh_cache tool) unless a setting enables it, which its configuration must not.
        Environment(terraform.Resource("aws_lambda_function", "server")).Keys.Should().NotContain([SettingNames.ReadOnly, SettingNames.Tools, SettingNames.RefreshInterval]);
    }

    [Fact]
    public void Policy_RefreshRole_HasEveryDynamoDbActionTheCacheCalls()
    {
        // Every DynamoDB client call in the cache's code, as an IAM action.
        var called = Directory.GetFiles(Path.Combine(Repository.Root, "src", "Sigma.Mcp.Tool", "Caching", "DynamoDb"), "*.cs")
            .SelectMany(file => ClientCall().Matches(File.ReadAllText(file)).Select(m => "dynamodb:" + m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        called.Should().Contain(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]);

        called.Should().BeEquivalentTo(DocumentedDynamoDbActions(), "docs/dynamodb-table.md lists every operation the code calls");
        Statements("refresh").SelectMany(s => terraform.Strings(s["actions"])).Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal))
            .Should().BeEquivalentTo(called);
    }

    [Fact]
    public void Functions_Handlers_AreTheOnesTheBootstrapStarts()
    {
        var bootstrap = File.ReadAllText(Path.Combine(TerraformConfiguration.DeployDirectory, "lambda", "bootstrap"));

        foreach (var (name, function) in terraform.Resources("aws_lambda_function"))
        {
            function["runtime"]!.GetValue<string>().Should().Be("provided.al2023");
            bootstrap.Should().Contain($"\n{function["handler"]!.GetValue<string>()})\n", $"lambda/bootstrap must start function {name}'s handler");
        }

        // The Web Adapter forwards to port 8080 unless AWS_LWA_PORT says otherwise.
        bootstrap.Should().Contain("exec ./sigma-mcp serve --http --urls http://127.0.0.1:8080");
        Environment(terraform.Resource("aws_lambda_function", "server")).Keys.Should().NotContain("AWS_LWA_PORT");
    }

    [Fact]
    public void Policy_DynamoDbActions_EqualExactlyTheOnesTheCodeUses()
    {
        // docs/dynamodb-table.md, "IAM", lists every DynamoDB operation the cache calls; the code review keeps it true.
        var documented = DocumentedDynamoDbActions();
        documented.Should().HaveCount(8);

        var statements = Statements("refresh").Where(s => terraform.Strings(s["actions"]).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal))).ToList();

        var statement = statements.Should().ContainSingle().Which;
        terraform.Strings(statement["actions"]).Should().BeEquivalentTo(documented);
        terraform.Strings(statement["resources"]).Should().Equal("${aws_dynamodb_table.cache.arn}");
        var read = Statements("server").Where(s => terraform.Strings(s["actions"]).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)));
        terraform.Strings(read.Should().ContainSingle().Which["resources"]).Should().Equal("${aws_dynamodb_table.cache.arn}");
    }

    [Theory]
    [InlineData("server", "server", new[] { "dynamodb:GetItem", "dynamodb:Query" })]
    [InlineData("refresh", "refresh", null)]
    public void Policy_EveryResource_IsScopedToThisStack(string role, string logGroup, string[]? dynamoDbActions)
    {
        var statements = Statements(role).ToList();

        foreach (var statement in statements)
        {
            terraform.Strings(statement["actions"]).Should().NotContain(a => a.Contains('*'), "every action is named");
            statement.ContainsKey("not_actions").Should().BeFalse();
            statement.ContainsKey("not_resources").Should().BeFalse();

            // Log streams are the only wildcard: "<this function's log group ARN>:*".
            terraform.Strings(statement["resources"]).Should().NotBeEmpty().And.OnlyContain(r =>
                !r.Contains('*') || r == $"${{aws_cloudwatch_log_group.{logGroup}.arn}}:*");
        }

        var actions = statements.SelectMany(s => terraform.Strings(s["actions"])).ToList();
        actions.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(
            [.. dynamoDbActions ?? [.. DocumentedDynamoDbActions()], "logs:CreateLogStream", "logs:PutLogEvents", "ssm:GetParameter", "secretsmanager:GetSecretValue", "kms:Decrypt"]);
    }

    [Theory]
    [InlineData("refresh", new[] { "sigma_credentials" })]
    [InlineData("server", new[] { "sigma_credentials", "http_tokens" })]
    public void Policy_Secrets_ReadableOnlyThroughTheirReferenceParameters(string role, string[] secrets)
    {
        var ssm = Statements(role).Single(s => terraform.Strings(s["actions"]).SequenceEqual(["ssm:GetParameter"]));
        var secret = Statements(role).Single(s => terraform.Strings(s["actions"]).SequenceEqual(["secretsmanager:GetSecretValue"]));

        terraform.Strings(secret["resources"]).Should().Equal(secrets.Select(name => $"${{aws_secretsmanager_secret.{name}.arn}}"));
        var parameters = terraform.Strings(ssm["resources"]).Select(p => p.StartsWith("${local.", StringComparison.Ordinal) ? terraform.Strings(terraform.Locals()[p[8..^1]]).Single() : p).ToList();
        parameters.Should().HaveSameCount(secrets);

        // The parameters the code reads: SecretsManagerSecret.ReferencePrefix + each secret's name.
        foreach (var (arn, name) in parameters.Zip(secrets))
        {
            arn.Should().MatchRegex(@"^arn:\$\{data\.aws_partition\.current\.partition\}:ssm:\$\{var\.aws_region\}:\$\{data\.aws_caller_identity\.current\.account_id\}:parameter")
                .And.EndWith($"parameter{SecretsManagerSecret.ReferencePrefix}${{aws_secretsmanager_secret.{name}.name}}");
        }
    }

    [Fact]
    public void LogGroups_EveryOne_HasRetentionAndEveryFunctionLogsToOne()
    {
        var groups = terraform.Resources("aws_cloudwatch_log_group");

        groups.Should().NotBeEmpty().And.OnlyContain(g => g.Value["retention_in_days"] != null);
        foreach (var (name, function) in terraform.Resources("aws_lambda_function"))
        {
            var logGroup = function["logging_config"]!.AsArray().Single()!["log_group"]!.GetValue<string>();
            LogGroupReference().Match(logGroup).Groups[1].Value.Should().BeOneOf(groups.Keys, $"function {name} logs to a group with retention");
        }
    }

    [Fact]
    public void Api_EveryRoute_GoesToTheServerFunction()
    {
        terraform.Resources("aws_apigatewayv2_route").Should().ContainSingle().Which.Value["route_key"]!.GetValue<string>().Should().Be("$default");
        terraform.Resource("aws_apigatewayv2_integration", "server")["integration_uri"]!.GetValue<string>()
            .Should().Be("${aws_lambda_function.server.invoke_arn}");
        terraform.Resource("aws_apigatewayv2_api", "mcp")["protocol_type"]!.GetValue<string>().Should().Be("HTTP");
    }

    private IReadOnlyDictionary<string, JsonNode?> Environment(JsonObject function) =>
        terraform.ResolveMap(function["environment"]!.AsArray().Single()!["variables"]);

    private IEnumerable<JsonObject> Statements(string role) =>
        TerraformConfiguration.Statements(terraform.Data("aws_iam_policy_document")[role]);

    private static List<string> DocumentedDynamoDbActions() =>
        [.. File.ReadLines(Path.Combine(Repository.Root, "docs", "dynamodb-table.md"))
            .Select(line => DocumentedAction().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)];

    [GeneratedRegex(@"^\|\s*`(dynamodb:[A-Za-z]+)`\s*\|")]
    private static partial Regex DocumentedAction();

    [GeneratedRegex(@"client\.([A-Za-z]+)Async\(")]
    private static partial Regex ClientCall();

    [GeneratedRegex(@"^\$\{aws_cloudwatch_log_group\.([A-Za-z0-9_]+)\.name\}$")]
    private static partial Regex LogGroupReference();
}
