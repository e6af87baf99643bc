using System.Globalization;
using System.Text.Json;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Reads the value of the <c>SIGMA_MCP_HTTP_TOKENS_SECRET_ID</c> secret, in whichever of three forms it was stored:
/// <list type="bullet">
/// <item>a JSON object of names to tokens, as the Secrets Manager console's key/value editor writes it
/// (<c>{"ci": "…", "alice": "…"}</c>); the name identifies the client (rate limits), and a value may also be an array of tokens;</item>
/// <item>a JSON array of tokens (<c>["…", "…"]</c>);</item>
/// <item>plain text: the tokens separated by commas, semicolons or line breaks, like <c>SIGMA_MCP_HTTP_TOKENS</c>.</item>
/// </list>
/// </summary>
internal static class HttpTokenSecretValue
{
    public const string ExampleValue = """{"ci": "<token>", "alice": "<token>"}""";

    private static readonly char[] s_separators = [',', ';', '\n', '\r'];

    /// <summary>The named tokens in <paramref name="value"/>, or null with <paramref name="problem"/> saying what is wrong.</summary>
    /// <remarks>The problem names positions and keys only, never a token: the value is the secret.</remarks>
    public static IReadOnlyList<NamedToken>? TryParse(string? value, out string problem)
    {
        problem = "";
        var text = value?.Trim() ?? "";
        List<NamedToken> tokens;
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                tokens = FromJson(document.RootElement, out problem);
            }
            catch (JsonException)
            {
                // JsonException's message is positions only, but the value is the secret: say nothing about it.
                problem = "it starts like JSON but is not valid JSON";
                return null;
            }
        }
        else
        {
            tokens = [.. text.Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((t, i) => Unnamed(t, i))];
        }

        if (problem.Length > 0)
        {
            return null;
        }

        if (tokens.Count == 0)
        {
            problem = "it holds no token";
            return null;
        }

        if (tokens.FirstOrDefault(t => t.Token.Length < HttpServerSettings.MinimumTokenLength || t.Token.Any(char.IsWhiteSpace)) is { } bad)
        {
            problem = $"token '{bad.Name}' is too short or contains spaces (tokens need at least {HttpServerSettings.MinimumTokenLength} characters, e.g. from `openssl rand -hex 32`)";
            return null;
        }

        return tokens;
    }

    private static List<NamedToken> FromJson(JsonElement root, out string problem)
    {
        problem = "";
        var tokens = new List<NamedToken>();
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var (item, i) in root.EnumerateArray().Select((item, i) => (item, i)))
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    problem = $"item {i + 1} of the JSON array is not a string";
                    return tokens;
                }

                tokens.Add(Unnamed(item.GetString()!, i));
            }

            return tokens;
        }

        foreach (var property in root.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    tokens.Add(new NamedToken(property.Name, property.Value.GetString()!.Trim()));
                    break;
                case JsonValueKind.Array when property.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    tokens.AddRange(property.Value.EnumerateArray().Select((v, i) =>
                        new NamedToken($"{property.Name}-{(i + 1).ToString(CultureInfo.InvariantCulture)}", v.GetString()!.Trim())));
                    break;
                default:
                    problem = $"the value of key '{property.Name}' is not a string or an array of strings";
                    return tokens;
            }
        }

        return tokens;
    }

    private static NamedToken Unnamed(string token, int index) => new((index + 1).ToString(CultureInfo.InvariantCulture), token.Trim());
}
