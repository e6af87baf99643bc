using System.Text.Encodings.Web;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>What <see cref="ResultBudget.Cost"/> counts for structured content: its length as it goes on the wire (default escaping, minified), however it was written.</summary>
public sealed class ResultCostTests
{
    private static readonly JsonSerializerOptions s_relaxedIndented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    [Theory]
    [InlineData("plain words and numbers 42")]
    [InlineData("Ada's \"Q3\" <draft> & co + `x`")]
    [InlineData("Zürich café – 東京 \t tab")]
    public void Cost_StructuredContent_IsItsLengthWrittenWithDefaultEscaping(string text)
    {
        var value = new Dictionary<string, object> { ["name"] = text, ["count"] = 3, ["nested"] = new[] { text, "b" } };
        var wire = JsonSerializer.Serialize(JsonSerializer.SerializeToElement(value)).Length;
        var relaxed = JsonSerializer.SerializeToElement(value, s_relaxedIndented);

        ResultBudget.Cost(new CallToolResult { StructuredContent = JsonSerializer.SerializeToElement(value) }).Should().Be(wire);
        ResultBudget.Cost(new CallToolResult { StructuredContent = relaxed }).Should().Be(wire, "content written another way costs what it will on the wire");
    }
}
