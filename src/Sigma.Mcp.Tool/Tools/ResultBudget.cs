using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// How much one tool result may cost the model: text blocks, resource links and structured content together, in
/// characters (an estimated token is 4 characters). Tools build their result for n items and <see cref="Fit"/> finds
/// the largest n that fits; a result that was cut says so, with how to get the rest.
/// </summary>
internal sealed class ResultBudget(ToolSwitches switches)
{
    /// <summary>Characters per estimated token.</summary>
    public const int CharsPerToken = 4;

    /// <summary>The most any result may cost, whatever the configured budget: <see cref="ToolSwitches.MaxResultTokens"/>.</summary>
    public const int HardCapChars = ToolSwitches.MaxResultTokens * CharsPerToken;

    /// <summary>The configured budget in characters (default 6,000 tokens).</summary>
    public int MaxChars => Math.Min(switches.ResultTokens * CharsPerToken, HardCapChars);

    /// <summary>
    /// What a result costs: every text block, every resource link's URI and name, and the structured content, written
    /// out with default escaping (as it goes on the wire: an apostrophe is 6 characters there, whatever wrote it here).
    /// Structured content is measured without writing it again where it is already minified JSON with default escaping
    /// (as the tools' JSON contexts write it): then its UTF-8 is ASCII, a byte per character.
    /// </summary>
    public static int Cost(CallToolResult result) =>
        result.Content.Sum(c => c switch
        {
            TextContentBlock t => t.Text.Length,
            ResourceLinkBlock l => l.Uri.Length + l.Name.Length + (l.MimeType?.Length ?? 0) + 40,
            _ => 0,
        }) + (result.StructuredContent is { } structured ? Length(structured) : 0);

    private static int Length(JsonElement json)
    {
        var raw = JsonMarshal.GetRawUtf8Value(json);
        return raw.ContainsAnyExcept(s_wireAscii) ? JsonSerializer.Serialize(json, ToolJsonContext.Default.JsonElement).Length : raw.Length;
    }

    // What default escaping leaves as it is: printable ASCII but the characters it writes as \uXXXX (JavaScriptEncoder.Default).
    private static readonly SearchValues<byte> s_wireAscii = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x5F).Select(b => (byte)b).Where(b => b is not ((byte)'<' or (byte)'>' or (byte)'&' or (byte)'\'' or (byte)'+' or (byte)'`'))]);

    /// <summary>
    /// The result for the largest n from 0 to <paramref name="count"/> whose cost fits the budget (n = count when the
    /// whole result fits). <paramref name="build"/> must cost more as n grows, and should flag a cut when n &lt; count.
    /// </summary>
    public (CallToolResult Result, int Count) Fit(int count, Func<int, CallToolResult> build)
    {
        var whole = build(count);
        if (count == 0 || Cost(whole) <= MaxChars)
        {
            return (whole, count);
        }

        var (low, high) = (0, count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Cost(build(middle)) <= MaxChars)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return (build(low), low);
    }
}
