using System.Globalization;
using System.Text;

namespace Sigma.Sandbox.Http;

/// <summary>
/// A parsed query string or form body. Repeated keys are kept (<c>typeFilters=a&amp;typeFilters=b</c>); typed getters
/// answer 400 for malformed values, as Sigma does.
/// </summary>
internal sealed class QueryParameters
{
    private static readonly string[] s_secretKeys = ["secret", "token", "password", "assertion"];
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public static QueryParameters Parse(string? text)
    {
        var parameters = new QueryParameters();
        foreach (string part in (text ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string key = Decode(equals < 0 ? part : part[..equals]);
            string value = equals < 0 ? string.Empty : Decode(part[(equals + 1)..]);
            parameters._pairs.Add(new(key, value));
        }

        return parameters;
    }

    public bool Has(string key) => _pairs.Exists(p => p.Key == key);

    /// <summary>The last value sent for <paramref name="key"/>, or null.</summary>
    public string? Get(string key) => _pairs.FindLast(p => p.Key == key) is { Key: not null } pair ? pair.Value : null;

    public IEnumerable<string> GetAll(string key) => _pairs.Where(p => p.Key == key).Select(p => p.Value);

    public int? GetInt(string key)
    {
        string? text = Get(key);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw ApiException.BadRequest($"Query parameter '{key}' must be an integer.");
    }

    public bool? GetBool(string key) => Get(key) switch
    {
        null or "" => null,
        var text when bool.TryParse(text, out bool value) => value,
        _ => throw ApiException.BadRequest($"Query parameter '{key}' must be true or false."),
    };

    /// <summary>The query for the request log, with secret-looking values replaced.</summary>
    public string ToRedactedString()
    {
        var builder = new StringBuilder();
        foreach ((string key, string value) in _pairs)
        {
            bool secret = s_secretKeys.Any(s => key.Contains(s, StringComparison.OrdinalIgnoreCase));
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=')
                .Append(secret ? "***" : Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
