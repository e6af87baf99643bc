namespace Sigma.Mcp.Tool.Configuration;

/// <summary>
/// Reads a <c>.env</c> file the way the original Node server's users wrote them:
/// <c>KEY=value</c>, optional <c>export</c>, quotes, blank lines and <c>#</c> comments.
/// </summary>
internal static class DotEnvFile
{
    public static Dictionary<string, string?> Parse(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        foreach (var rawLine in File.ReadLines(path))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // Never echo the line: it may hold a secret.
                throw new ConfigurationException(path, $"{path}, line {lineNumber}: expected KEY=value.");
            }

            var key = line[..equals].Trim();
            values[key] = Unquote(line[(equals + 1)..].Trim());
        }

        return values;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\''))
        {
            var close = value.IndexOf(value[0], 1);
            if (close > 0)
            {
                var inner = value[1..close];
                return value[0] == '"' ? inner.Replace("\\n", "\n", StringComparison.Ordinal) : inner;
            }
        }

        // An unquoted value ends at " #" (an inline comment).
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? value[..comment].TrimEnd() : value;
    }
}
