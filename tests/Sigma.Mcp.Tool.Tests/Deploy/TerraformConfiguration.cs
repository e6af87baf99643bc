using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Deploy;

/// <summary>
/// <c>deploy/*.tf</c> as JSON, through <c>tests/node/hcl2json.mjs</c> (HashiCorp's HCL parser, compiled to WebAssembly):
/// parsed, never planned, because <c>terraform init</c> would download providers. Expressions stay strings such as
/// <c>"${aws_dynamodb_table.cache.arn}"</c>; blocks are arrays of objects. One parse per test class (xunit class fixture).
/// </summary>
public sealed partial class TerraformConfiguration : IAsyncLifetime
{
    private JsonObject _files = null!;

    public static string DeployDirectory => Path.Combine(Repository.Root, "deploy");

    /// <summary>How long the conversion took, npm ci included when it ran.</summary>
    public TimeSpan ParseTime { get; private set; }

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var run = await NodeTooling.RunNodeAsync("hcl2json.mjs", [DeployDirectory], new Dictionary<string, string?>(), TestTimeouts.Token());
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"hcl2json could not parse deploy/*.tf:\n{run}");
        }

        _files = JsonNode.Parse(run.Stdout)!.AsObject();
        ParseTime = started.Elapsed;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The names of the parsed files.</summary>
    public IReadOnlyList<string> FileNames => [.. _files.Select(f => f.Key)];

    /// <summary>Every <c>resource "type" "name"</c> of <paramref name="type"/>, by name, across the files.</summary>
    public IReadOnlyDictionary<string, JsonObject> Resources(string type) => Blocks("resource", type);

    /// <summary>Every <c>data "type" "name"</c> of <paramref name="type"/>, by name, across the files.</summary>
    public IReadOnlyDictionary<string, JsonObject> Data(string type) => Blocks("data", type);

    /// <summary>Every <c>variable "name"</c>, by name, across the files.</summary>
    public IReadOnlyDictionary<string, JsonObject> Variables()
    {
        var variables = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, file) in _files)
        {
            foreach (var (name, bodies) in file?["variable"]?.AsObject() ?? [])
            {
                variables.Add(name, bodies!.AsArray().Single()!.AsObject());
            }
        }

        return variables;
    }

    /// <summary>One resource; fails the test when it is missing.</summary>
    public JsonObject Resource(string type, string name) =>
        Resources(type).TryGetValue(name, out var resource) ? resource : throw new Xunit.Sdk.XunitException($"deploy/ has no resource {type}.{name}.");

    /// <summary>Every <c>locals</c> value, by name, across the files.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Locals()
    {
        var locals = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (_, file) in _files)
        {
            foreach (var block in file?["locals"]?.AsArray() ?? [])
            {
                foreach (var (name, value) in block!.AsObject())
                {
                    locals.Add(name, value);
                }
            }
        }

        return locals;
    }

    /// <summary>
    /// The keys of a map that is either written out or built only from locals, e.g.
    /// <c>merge(local.common_environment, local.server_environment)</c>; anything else fails the test, since its keys
    /// could not be checked.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?> ResolveMap(JsonNode? value)
    {
        if (value is JsonObject literal)
        {
            return literal.ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        var expression = value?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("The map is missing.");
        var references = LocalReference().Matches(expression).Select(m => m.Groups[1].Value).ToList();
        var rest = LocalReference().Replace(expression, "").Replace("merge", "", StringComparison.Ordinal);
        if (references.Count == 0 || rest.Trim('$', '{', '}', '(', ')', ',', ' ').Length > 0)
        {
            throw new Xunit.Sdk.XunitException($"'{expression}' is not a map of literal keys or a merge of locals; keep the keys checkable.");
        }

        var locals = Locals();
        var merged = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var name in references)
        {
            foreach (var (key, node) in locals[name]!.AsObject())
            {
                merged[key] = node;
            }
        }

        return merged;
    }

    /// <summary>The strings of a list attribute, or of a local it names (<c>"${local.x}"</c>).</summary>
    public IReadOnlyList<string> Strings(JsonNode? value) => value switch
    {
        JsonArray array => [.. array.Select(item => item!.GetValue<string>())],
        JsonValue single when LocalOnly().Match(single.GetValue<string>()) is { Success: true } match => Strings(Locals()[match.Groups[1].Value]),
        JsonValue single => [single.GetValue<string>()],
        null => [],
        _ => throw new Xunit.Sdk.XunitException($"Not a list of strings: {value.ToJsonString()}"),
    };

    /// <summary>Every statement of a policy document, <c>dynamic "statement"</c> contents included.</summary>
    public static IEnumerable<JsonObject> Statements(JsonObject policyDocument)
    {
        foreach (var statement in policyDocument["statement"]?.AsArray() ?? [])
        {
            yield return statement!.AsObject();
        }

        foreach (var dynamic in policyDocument["dynamic"]?["statement"]?.AsArray() ?? [])
        {
            foreach (var content in dynamic!["content"]!.AsArray())
            {
                yield return content!.AsObject();
            }
        }
    }

    private Dictionary<string, JsonObject> Blocks(string kind, string type)
    {
        var blocks = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, file) in _files)
        {
            foreach (var (name, bodies) in file?[kind]?[type]?.AsObject() ?? [])
            {
                blocks.Add(name, bodies!.AsArray().Single()!.AsObject());
            }
        }

        return blocks;
    }

    [GeneratedRegex(@"local\.([A-Za-z0-9_]+)")]
    private static partial Regex LocalReference();

    [GeneratedRegex(@"^\$\{local\.([A-Za-z0-9_]+)\}$")]
    private static partial Regex LocalOnly();
}
