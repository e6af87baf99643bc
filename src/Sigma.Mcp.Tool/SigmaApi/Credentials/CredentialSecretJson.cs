using System.Text.Json;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.SigmaApi.Credentials;

/// <summary>
/// Reads the secret's value: a JSON object <c>{"clientId": "…", "clientSecret": "…"}</c>, the original server's format
/// (property names case-insensitive, other properties ignored).
/// </summary>
internal static class CredentialSecretJson
{
    public const string ExpectedShape = """{"clientId": "…", "clientSecret": "…"}""";

    /// <summary>The credentials in <paramref name="value"/>, or null with <paramref name="problem"/> saying what is wrong.</summary>
    /// <remarks>The problem names fields only: it never quotes the value, which is the secret.</remarks>
    public static SigmaCredentials? TryParse(string? value, out string problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = "it is empty";
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(value);
        }
        catch (JsonException)
        {
            // JsonException's message is positions only, but the value is the secret: say nothing about it.
            problem = "it is not JSON";
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"it is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return null;
            }

            var clientId = StringProperty(document.RootElement, "clientId");
            var clientSecret = StringProperty(document.RootElement, "clientSecret");
            var missing = new[] { ("clientId", clientId), ("clientSecret", clientSecret) }
                .Where(field => string.IsNullOrWhiteSpace(field.Item2))
                .Select(field => field.Item1)
                .ToList();
            if (missing.Count > 0)
            {
                problem = $"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} missing, empty or not a string";
                return null;
            }

            problem = "";
            return new SigmaCredentials(clientId!.Trim(), clientSecret!.Trim());
        }
    }

    private static string? StringProperty(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }

    /// <summary>The secret's value is not the expected JSON; <paramref name="problem"/> names fields, never values.</summary>
    public static ConfigurationException Malformed(string secretId, string region, string problem) => new(
        SettingNames.CredentialsSecretId,
        $"The Secrets Manager secret '{secretId}' (SIGMA_CREDENTIALS_SECRET_ID) in region {region} does not hold Sigma API credentials: {problem}. " +
        $"It must be a JSON object {ExpectedShape} with both fields non-empty strings; set it with " +
        $"`aws secretsmanager put-secret-value --secret-id {secretId} --secret-string '{ExpectedShape}'`.");
}
